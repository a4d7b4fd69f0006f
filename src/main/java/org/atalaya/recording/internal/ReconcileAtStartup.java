package org.atalaya.recording.internal;

import org.atalaya.platform.BackgroundWorker;
import org.atalaya.recording.Reconciler;
import org.atalaya.recording.RecordingProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;

/** Repairs the recordings folder and its index once the server has started, before any camera records. */
@BackgroundWorker
@Order(ReconcileAtStartup.ORDER)
class ReconcileAtStartup implements ApplicationRunner {

    static final int ORDER = 100;

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
