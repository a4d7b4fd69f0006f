package org.atalaya.media.internal;

import java.time.Clock;
import org.atalaya.media.FfmpegBinaries;
import org.atalaya.media.MediaProbe;
import org.atalaya.media.MediaProperties;
import org.atalaya.media.ProcessLauncher;
import org.atalaya.media.PipeReaders;
import org.atalaya.media.SupervisionListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MediaProperties.class)
class MediaConfiguration {

    @Bean
    FfmpegBinaries ffmpegBinaries(MediaProperties properties) {
        return new FfmpegBinaries(properties.binaryCachePath());
    }

    @Bean
    ProcessLauncher processLauncher(MediaProperties properties) {
        return new OsProcessLauncher(properties);
    }

    @Bean
    MediaProbe mediaProbe(FfmpegBinaries binaries, ProcessLauncher launcher) {
        return new MediaProbe(binaries, launcher);
    }

    @Bean
    ExecutorScheduler mediaScheduler() {
        return new ExecutorScheduler("media-supervision");
    }

    /** Closed before the scheduler it uses: stops every supervised process when the application stops. */
    @Bean
    RestartingSupervisor processSupervisor(ProcessLauncher launcher, ExecutorScheduler scheduler, Clock clock,
                                           MediaProperties properties, ObjectProvider<SupervisionListener> listeners) {
        SupervisionListener everyListener = status -> listeners.orderedStream()
                .forEach(listener -> listener.statusChanged(status));
        return new RestartingSupervisor(launcher, scheduler, PipeReaders.perTask("media-"), clock,
                SupervisionPolicy.from(properties), everyListener);
    }
}
