package org.atalaya.map.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.atalaya.map.MapProperties;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.ui.ExtendedModelMap;

/** What the map page is given to draw: its base layer and where it opens. */
class MapConsoleControllerTest {

    @Test
    void withoutSettingsTheMapHasNoTileServerAndOpensOverSanSalvadorDeJujuy() {
        MapProperties defaults = new MapProperties(null, null, null, null, null, null);

        assertThat(defaults.tileUrl()).isEmpty();
        assertThat(defaults.centerLatitude()).isEqualTo(-24.1858);
        assertThat(defaults.centerLongitude()).isEqualTo(-65.2995);
        assertThat(defaults.zoom()).isEqualTo(15);
        assertThat(defaults.statusStreamLength()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aConfiguredTileServerReachesThePage() {
        var properties = new MapProperties(" https://tiles.example.org/{z}/{x}/{y}.png ", "© Example", -34.6, -58.4,
                12, null);
        var model = new ExtendedModelMap();
        var messages = new StaticMessageSource();
        messages.setUseCodeAsDefaultMessage(true);

        String view = new MapConsoleController(properties, messages).map(model);

        assertThat(view).isEqualTo("map/map");
        MapProperties shown = (MapProperties) model.get("map");
        assertThat(shown.tileUrl()).isEqualTo("https://tiles.example.org/{z}/{x}/{y}.png");
        assertThat(shown.attribution()).isEqualTo("© Example");
        assertThat(shown.centerLatitude()).isEqualTo(-34.6);
        assertThat(shown.zoom()).isEqualTo(12);
    }

    @Test
    void refusesSettingsThatCannotBeAPlaceOrATileServer() {
        assertThatThrownBy(() -> new MapProperties(null, null, -91.0, null, null, null))
                .hasMessageContaining("atalaya.map.center-latitude");
        assertThatThrownBy(() -> new MapProperties(null, null, null, null, 25, null))
                .hasMessageContaining("atalaya.map.zoom");
        assertThatThrownBy(() -> new MapProperties("ftp://tiles.example.org/{z}/{x}/{y}.png", null, null, null,
                null, null)).hasMessageContaining("atalaya.map.tile-url");
    }
}
