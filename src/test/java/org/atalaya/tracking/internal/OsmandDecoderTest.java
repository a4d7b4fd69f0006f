package org.atalaya.tracking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.atalaya.tracking.TrackingProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class OsmandDecoderTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final OsmandDecoder decoder = new OsmandDecoder(JsonMapper.builder().build(),
            new TrackingProperties(0, 0, null, 0, null, 0, null));

    /** Parameters of a query string, decoded as the servlet container does. */
    private static Map<String, String> query(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        Arrays.stream(query.split("&")).map(pair -> pair.split("=", 2)).forEach(pair -> parameters.put(
                URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : ""));
        return parameters;
    }

    private DeviceFix decode(String query) {
        return decoder.fromParameters(query(query), NOW);
    }

    private String refusal(String query) {
        try {
            decode(query);
        } catch (FixRejected refused) {
            return refused.getMessage();
        }
        throw new AssertionError("Expected " + query + " to be refused");
    }

    @Test
    void readsTheQueryOfTheTraccarAndroidClientWithSpeedInKnots() {
        DeviceFix fix = decode("id=123456&timestamp=1700000000&lat=-24.18&lon=-65.30&speed=10.5&bearing=90"
                + "&altitude=1250&accuracy=12&batt=87.0");

        assertThat(fix.deviceId()).isEqualTo("123456");
        assertThat(fix.latitude()).isEqualTo(-24.18);
        assertThat(fix.longitude()).isEqualTo(-65.30);
        assertThat(fix.fixedAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(fix.speedMps()).isCloseTo(10.5 * 1852 / 3600, within(1e-9));
        assertThat(fix.speedMps()).isCloseTo(5.4017, within(1e-4));
        assertThat(fix.headingDeg()).isEqualTo(90.0);
        assertThat(fix.altitudeMetres()).isEqualTo(1250.0);
        assertThat(fix.accuracyMetres()).isEqualTo(12.0);
        assertThat(fix.batteryPct()).isEqualTo(87.0);
        assertThat(fix.hdop()).isNull();
        assertThat(fix.valid()).isTrue();
    }

    @Test
    void takesDeviceidHeadingLocationAndValidAsAvlBoxesSendThem() {
        DeviceFix fix = decode("deviceid=avl-77&location=-24.2,-65.31&heading=450&hdop=1.2&valid=false");

        assertThat(fix.deviceId()).isEqualTo("avl-77");
        assertThat(fix.latitude()).isEqualTo(-24.2);
        assertThat(fix.longitude()).isEqualTo(-65.31);
        assertThat(fix.headingDeg()).isEqualTo(90.0);
        assertThat(fix.hdop()).isEqualTo(1.2);
        assertThat(fix.valid()).isFalse();
        assertThat(fix.fixedAt()).as("no timestamp: the time it arrived").isEqualTo(NOW);
        assertThat(fix.speedMps()).isNull();
    }

    @Test
    void readsTimestampsInSecondsMillisecondsAndIso8601() {
        assertThat(decode("id=a&lat=1&lon=2&timestamp=1700000000123").fixedAt())
                .isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
        assertThat(decode("id=a&lat=1&lon=2&timestamp=1700000000.5").fixedAt())
                .isEqualTo(Instant.ofEpochMilli(1_700_000_000_500L));
        assertThat(decode("id=a&lat=1&lon=2&timestamp=2023-11-14T22:13:20Z").fixedAt())
                .isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(decode("id=a&lat=1&lon=2&timestamp=2023-11-14T19:13:20-03:00").fixedAt())
                .isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(decode("id=a&lat=1&lon=2&timestamp=2023-11-15T01:13:20%2B03:00").fixedAt())
                .isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(decode("id=a&lat=1&lon=2&timestamp=2023-11-15T01:13:20+03:00").fixedAt())
                .as("a '+' the query string turned into a space").isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(decode("id=a&lat=1&lon=2&timestamp=2023-11-14 22:13:20").fixedAt())
                .as("no offset: UTC").isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
    }

    @Test
    void refusesWhatCannotBeAPositionWithTheReason() {
        assertThat(refusal("id=a&lat=95&lon=2")).contains("Latitude 95.0 is out of range");
        assertThat(refusal("id=a&lat=-24&lon=-181")).contains("Longitude -181.0 is out of range");
        assertThat(refusal("id=a&lat=-24")).contains("No position");
        assertThat(refusal("lat=-24&lon=-65")).contains("No device id");
        assertThat(refusal("id=a&lat=-24&lon=-65&speed=fast")).isEqualTo("Parameter 'speed' is not a number: 'fast'.");
        assertThat(refusal("id=a&lat=NaN&lon=-65")).contains("'lat' is not a number");
        assertThat(refusal("id=a&lat=12d&lon=-65")).contains("'lat' is not a number");
        assertThat(refusal("id=a&location=-24")).contains("'location' must be 'latitude,longitude'");
        assertThat(refusal("id=a&lat=1&lon=2&timestamp=yesterday")).contains("Invalid timestamp 'yesterday'");
        assertThat(refusal("id=a&lat=1&lon=2&valid=maybe")).contains("'valid' must be true or false");
    }

    @Test
    void refusesAFixFromTheFutureBeyondTheAllowedSkew() {
        long inFourMinutes = NOW.plusSeconds(240).getEpochSecond();
        long inSixMinutes = NOW.plusSeconds(360).getEpochSecond();

        assertThat(decode("id=a&lat=1&lon=2&timestamp=" + inFourMinutes).fixedAt()).isEqualTo(NOW.plusSeconds(240));
        assertThat(refusal("id=a&lat=1&lon=2&timestamp=" + inSixMinutes))
                .contains("more than 300 s in the future");
    }

    @Test
    void readsTheJsonOfTheNewerClientWithSpeedInMetresPerSecondAndBatteryAsAFraction() {
        String body = """
                {"location": {"timestamp": "2026-03-01T11:59:30.250Z",
                              "coords": {"latitude": -24.1858, "longitude": -65.2995, "accuracy": 8.5, "speed": 12.5,
                                         "heading": 270, "altitude": 1260},
                              "is_moving": true, "odometer": 1234.5, "event": "motionchange",
                              "battery": {"level": 0.42, "is_charging": false}},
                 "device_id": "phone-12"}""";

        List<DeviceFix> fixes = decoder.fromJson(body.getBytes(StandardCharsets.UTF_8), Map.of(), NOW);

        assertThat(fixes).singleElement().satisfies(fix -> {
            assertThat(fix.deviceId()).isEqualTo("phone-12");
            assertThat(fix.latitude()).isEqualTo(-24.1858);
            assertThat(fix.longitude()).isEqualTo(-65.2995);
            assertThat(fix.fixedAt()).isEqualTo(Instant.parse("2026-03-01T11:59:30.250Z"));
            assertThat(fix.speedMps()).isEqualTo(12.5);
            assertThat(fix.headingDeg()).isEqualTo(270.0);
            assertThat(fix.altitudeMetres()).isEqualTo(1260.0);
            assertThat(fix.accuracyMetres()).isEqualTo(8.5);
            assertThat(fix.batteryPct()).isCloseTo(42.0, within(1e-9));
            assertThat(fix.valid()).isTrue();
        });
    }

    @Test
    void readsAnArrayOfJsonLocationsAndUnknownValuesAsNone() {
        String body = """
                {"device_id": "phone-13", "location": [
                  {"timestamp": "2026-03-01T11:00:00Z", "coords": {"latitude": 1, "longitude": 2, "speed": -1,
                                                                  "heading": -1}, "battery": {"level": -1}},
                  {"timestamp": "2026-03-01T11:00:05Z", "coords": {"latitude": 1.001, "longitude": 2.001}}]}""";

        List<DeviceFix> fixes = decoder.fromJson(body.getBytes(StandardCharsets.UTF_8), Map.of(), NOW);

        assertThat(fixes).extracting(DeviceFix::fixedAt)
                .containsExactly(Instant.parse("2026-03-01T11:00:00Z"), Instant.parse("2026-03-01T11:00:05Z"));
        assertThat(fixes.getFirst().speedMps()).isNull();
        assertThat(fixes.getFirst().headingDeg()).isNull();
        assertThat(fixes.getFirst().batteryPct()).isNull();
    }

    @Test
    void takesTheDeviceIdFromTheQueryWhenTheJsonHasNone() {
        String body = """
                {"location": {"coords": {"latitude": 1, "longitude": 2}}}""";

        assertThat(decoder.fromJson(body.getBytes(StandardCharsets.UTF_8), Map.of("id", "q-1"), NOW))
                .singleElement().extracting(DeviceFix::deviceId).isEqualTo("q-1");
    }

    @Test
    void refusesJsonThatIsNoPosition() {
        assertThatThrownBy(() -> decoder.fromJson("{not json".getBytes(StandardCharsets.UTF_8), Map.of(), NOW))
                .isInstanceOf(FixRejected.class).hasMessage("The body is not valid JSON.");
        assertThatThrownBy(() -> decoder.fromJson("""
                {"device_id": "x", "location": {"coords": {"latitude": 91, "longitude": 2}}}"""
                .getBytes(StandardCharsets.UTF_8), Map.of(), NOW))
                .isInstanceOf(FixRejected.class).hasMessageContaining("Latitude 91.0 is out of range");
        assertThatThrownBy(() -> decoder.fromJson("""
                {"device_id": "x", "location": {"coords": {"latitude": "north", "longitude": 2}}}"""
                .getBytes(StandardCharsets.UTF_8), Map.of(), NOW))
                .isInstanceOf(FixRejected.class).hasMessageContaining("'latitude' is not a number");
        assertThatThrownBy(() -> decoder.fromJson("""
                {"device_id": "x"}""".getBytes(StandardCharsets.UTF_8), Map.of(), NOW))
                .isInstanceOf(FixRejected.class).hasMessageContaining("no location");
    }
}
