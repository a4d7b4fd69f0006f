package org.atalaya.clip.internal;

import java.time.Clock;

import org.atalaya.clip.ClipProperties;
import org.atalaya.recording.RecordingProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClipConfiguration {

    /** Closed when the server stops, which finishes the clips still being collected. */
    @Bean
    EventClipService eventClips(RingPreEventBuffer buffer, ClipStore store, ClipProperties properties,
                                RecordingProperties recording, Clock clock) {
        return new EventClipService(buffer, store, properties, properties.storage(recording.storage()), clock);
    }
}
