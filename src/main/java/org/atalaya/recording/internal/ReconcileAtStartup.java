package org.atalaya.recording.internal;

import org.atalaya.platform.BackgroundWorker;
import org.atalaya.recording.Reconciler;
import org.atalaya.recording.RecordingProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/** Repairs the recordings folder and its index once the server has started, before any camera records. */
@BackgroundWorker
class ReconcileAtStartup implements ApplicationRunner {

    private final Reconciler reconciler;
    private final RecordingProperties properties;

    ReconcileAtStartup(Reconciler reconciler, RecordingProperties properties) {
        this.reconciler = reconciler;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments arguments) throws Exception {
        reconciler.reconcile(properties.storage());
    }
}
