package org.atalaya.camera.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class CameraProblemTest {

    private final ResourceBundleMessageSource messages = messages();

    @Test
    void aRefusedValueIsWordedInTheReadersLanguageAndInEnglishOtherwise() {
        CameraProblem badPort = badPort("mainUrl");
        CameraProblem outOfRange = catchThrowableOfType(CameraProblem.class, () -> CameraValidation.latitude(-91.0));

        assertThat(badPort.getMessage()).isEqualTo("mainUrl: the port must be a number from 1 to 65535.");
        assertThat(outOfRange.getMessage()).isEqualTo("latitude: must be from -90 to 90.");
        assertThat(inSpanish(badPort)).isEqualTo("mainUrl: el puerto debe ser un número del 1 al 65535.");
        assertThat(inSpanish(outOfRange)).isEqualTo("latitude: debe estar entre -90 y 90.");
        assertThat(badPort("mainUrl").updateAndGetBody(messages, Locale.ENGLISH).getDetail())
                .isEqualTo("mainUrl: the port must be a number from 1 to 65535.");
    }

    private static CameraProblem badPort(String field) {
        return catchThrowableOfType(CameraProblem.class,
                () -> CameraValidation.streamUrl(field, "rtsp://camera.example:99999/stream"));
    }

    private String inSpanish(CameraProblem problem) {
        return problem.updateAndGetBody(messages, Locale.forLanguageTag("es")).getDetail();
    }

    private static ResourceBundleMessageSource messages() {
        var source = new ResourceBundleMessageSource();
        source.setBasename("i18n/camera");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
