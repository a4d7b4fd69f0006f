package org.atalaya.camera.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import org.atalaya.camera.CameraFrameSink;
import org.atalaya.camera.GrayFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gray frames of one run of an analysed camera's stream process: a FIFO that ffmpeg writes PGM pictures into as
 * its second output, a platform thread that reads them, and a virtual thread that hands them to the
 * {@link CameraFrameSink}s. The reader always drains the FIFO, whatever the sinks do: a frame that arrives while the
 * sinks are still busy with the one before replaces the frame waiting for them, so ffmpeg (and the recording it
 * writes beside the frames) is never held up. The FIFO is opened for reading and writing, which never blocks and
 * never sees an end of file: the run's end is told by {@link #close()}, which releases the reader however far ffmpeg
 * got, deletes the FIFO and, once the last frame is handed over, tells the sinks the frames ended.
 */
public final class FrameOutput implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FrameOutput.class);
    private static final int READ_BUFFER = 64 * 1024;

    private final long cameraId;
    private final String processKey;
    private final Path fifo;
    private final List<String> outputArguments;
    private final List<CameraFrameSink> sinks;
    private final Clock clock;
    private final FileChannel channel;
    private final Object handOver = new Object();
    private GrayFrame waiting;
    private boolean ended;

    /** Opens {@code fifo}, which must exist, and starts reading it on one of {@code readers}. */
    FrameOutput(long cameraId, String processKey, Path fifo, List<String> outputArguments,
                List<CameraFrameSink> sinks, Clock clock, Executor readers) throws IOException {
        this.cameraId = cameraId;
        this.processKey = processKey;
        this.fifo = fifo;
        this.outputArguments = List.copyOf(outputArguments);
        this.sinks = List.copyOf(sinks);
        this.clock = clock;
        this.channel = FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE);
        readers.execute(this::read);
        Thread.ofVirtual().name("camera-frames-delivery-" + cameraId).start(this::deliver);
    }

    /** ffmpeg's arguments for the second output, which writes into the FIFO. */
    public List<String> outputArguments() {
        return outputArguments;
    }

    Path fifo() {
        return fifo;
    }

    /** The run ended: stops reading, deletes the FIFO and lets the sinks know once they have the last frame. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("Could not close the frames FIFO of {}: {}", processKey, e.getMessage());
        }
        try {
            Files.deleteIfExists(fifo);
        } catch (IOException e) {
            LOG.warn("Could not delete the frames FIFO of {}: {}", processKey, e.getMessage());
        }
        end();
    }

    private void read() {
        InputStream in = new ChannelStream(channel);
        try {
            var pictures = new PgmFrameReader(in, clock);
            for (var frame = pictures.next(); frame.isPresent(); frame = pictures.next()) handOver(frame.get());
        } catch (IOException e) {
            if (!channel.isOpen()) return;
            LOG.warn("Camera {}: no more analytics frames from {} until it restarts: {}", cameraId, processKey,
                    e.getMessage());
            end();
            drain(in);
        }
    }

    /** Reads and forgets whatever ffmpeg still writes, so that it never waits on a full FIFO. */
    private void drain(InputStream in) {
        byte[] discarded = new byte[READ_BUFFER];
        try {
            while (in.read(discarded) >= 0) {
                // discarded
            }
        } catch (IOException closedAtTheRunsEnd) {
            // the run ended
        }
    }

    private void handOver(GrayFrame frame) {
        synchronized (handOver) {
            if (ended) return;
            waiting = frame;
            handOver.notifyAll();
        }
    }

    /** No frame is handed over after this, not even one still waiting: the run is over. */
    private void end() {
        synchronized (handOver) {
            ended = true;
            waiting = null;
            handOver.notifyAll();
        }
    }

    private void deliver() {
        try {
            while (true) {
                GrayFrame frame;
                synchronized (handOver) {
                    while (waiting == null && !ended) handOver.wait();
                    if (waiting == null) break;
                    frame = waiting;
                    waiting = null;
                }
                for (CameraFrameSink sink : sinks) {
                    try {
                        sink.frameArrived(cameraId, processKey, frame);
                    } catch (RuntimeException e) {
                        LOG.warn("A frame sink failed on camera {}: {}", cameraId, e.toString());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (CameraFrameSink sink : sinks) {
            try {
                sink.framesEnded(cameraId, processKey);
            } catch (RuntimeException e) {
                LOG.warn("A frame sink failed on camera {}: {}", cameraId, e.toString());
            }
        }
    }

    /**
     * A buffered stream over the channel. Not {@code Channels.newInputStream}: its {@code available()} asks a file
     * channel for its position, which a FIFO does not have.
     */
    private static final class ChannelStream extends InputStream {

        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER).flip();

        ChannelStream(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public int read() throws IOException {
            return fill() ? buffer.get() & 0xFF : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (length == 0) return 0;
            if (!fill()) return -1;
            int count = Math.min(length, buffer.remaining());
            buffer.get(into, offset, count);
            return count;
        }

        private boolean fill() throws IOException {
            while (!buffer.hasRemaining()) {
                buffer.clear();
                int count = channel.read(buffer);
                buffer.flip();
                if (count < 0) return false;
            }
            return true;
        }
    }
}
