// Alarm source form: shows the MQTT fields for MQTT sources and the webhook note for webhook sources.
(() => {
  const kind = document.querySelector("[data-source-kind]");
  if (!kind) return;
  const show = () => {
    const mqtt = kind.value === "mqtt";
    document.querySelectorAll("[data-mqtt-only]").forEach((element) => { element.hidden = !mqtt; });
    document.querySelectorAll("[data-webhook-only]").forEach((element) => { element.hidden = mqtt; });
  };
  kind.addEventListener("change", show);
  show();
})();
