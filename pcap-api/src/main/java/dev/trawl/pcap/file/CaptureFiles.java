package dev.trawl.pcap.file;

import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.TimestampPrecision;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;

/**
 * Opens capture files and streams: picks the input (positioned reads of a regular file, or a stream), undoes
 * gzip, and detects the format.
 */
final class CaptureFiles {
    private CaptureFiles() {
    }

    /** Opens a file for a handle, read through windows of {@code window} bytes. */
    static RecordReader open(Path file, TimestampPrecision precision, int window) throws PcapException {
        FileChannel channel = openChannel(file);
        String name = file.toString();
        Input input = null;
        try {
            input = fileInput(file, channel, name, window);
            return detect(input, precision);
        } catch (IOException | RuntimeException e) {
            closeQuietly(input != null ? input : channel);
            throw e instanceof PcapException pe ? pe : failure(name, e);
        }
    }

    /**
     * A cursor's reader over a file, which can seek; a gzip-compressed file or a pipe reads forward only.
     */
    static RecordReader openForCursor(Path file) throws PcapException {
        FileChannel channel = openChannel(file);
        String name = file.toString();
        Input input = null;
        try {
            input = fileInput(file, channel, name, SourceInput.FILE_WINDOW);
            return detectForCursor(input);
        } catch (IOException | RuntimeException e) {
            closeQuietly(input != null ? input : channel);
            throw e instanceof PcapException pe ? pe : failure(name, e);
        }
    }

    /** A cursor's reader over an input it has made; closes the input if the format is not readable. */
    static RecordReader openForCursor(Input input) throws PcapException {
        try {
            return detectForCursor(input);
        } catch (IOException | RuntimeException e) {
            closeQuietly(input);
            throw e instanceof PcapException pe ? pe : failure(input.name, e);
        }
    }

    /** A regular file is read at any position; anything else (a named pipe, a device) as a stream. */
    private static Input fileInput(Path file, FileChannel channel, String name, int window) throws IOException {
        return Files.isRegularFile(file) ? SourceInput.of(channel, name, window)
                : new StreamInput(Channels.newInputStream(channel), name);
    }

    private static FileChannel openChannel(Path file) throws PcapException {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new PcapException(file + ": No such file or directory", e);
        } catch (AccessDeniedException e) {
            throw new PcapException(file + ": Permission denied", e);
        } catch (IOException e) {
            throw new PcapException(file + ": cannot open: " + e.getMessage(), e);
        }
        return channel;
    }

    static RecordReader open(InputStream stream, TimestampPrecision precision) throws PcapException {
        Input input = new StreamInput(stream, "stream");
        try {
            return detect(input, precision);
        } catch (IOException | RuntimeException e) {
            closeQuietly(input);
            throw e instanceof PcapException pe ? pe : failure("stream", e);
        }
    }

    private static RecordReader detect(Input input, TimestampPrecision precision) throws IOException {
        input = unzip(input);
        if (PcapReader.magicOrder(input.buf, input.pos) != null) {
            return PcapReader.open(input, precision);
        }
        if (PcapngReader.isPcapng(input.buf, input.pos)) {
            return PcapngReader.open(input, precision);
        }
        throw unknownFormat(input);
    }

    /** A cursor's reader: a pcap file header is read, a pcapng file is left at its first block. */
    static RecordReader detectForCursor(Input input) throws IOException {
        input = unzip(input);
        if (PcapReader.magicOrder(input.buf, input.pos) != null) {
            return PcapReader.open(input, TimestampPrecision.NANO);
        }
        if (PcapngReader.isPcapng(input.buf, input.pos)) {
            return PcapngReader.cursor(input);
        }
        throw unknownFormat(input);
    }

    private static MalformedCaptureException unknownFormat(Input input) {
        return new MalformedCaptureException(input.name + ": unknown file format (magic 0x"
                + String.format("%08x", input.buf.order(java.nio.ByteOrder.BIG_ENDIAN).getInt(input.pos))
                + ") (at file offset 0)", 0);
    }

    /** The input itself, or one that decompresses it when it holds gzip data; either has 4 bytes ready. */
    private static Input unzip(Input input) throws IOException {
        if (!input.ensure(4)) {
            throw new MalformedCaptureException(input.name + ": truncated dump file; tried to read 4 file header"
                    + " bytes, only got " + input.available() + " (at file offset 0)", 0);
        }
        int b0 = input.buf.get(input.pos) & 0xFF;
        int b1 = input.buf.get(input.pos + 1) & 0xFF;
        if (b0 != 0x1f || b1 != 0x8b) {
            return input;
        }
        String name = input.name;
        Input unzipped;
        try {
            unzipped = new StreamInput(new GZIPInputStream(input.rawStream(), 64 * 1024), name);
        } catch (java.util.zip.ZipException e) {
            throw new MalformedCaptureException(name + ": bad gzip header: " + e.getMessage() + " (at file offset 0)",
                    0);
        }
        if (!unzipped.ensure(4)) {
            throw new MalformedCaptureException(name + ": truncated dump file after gzip decompression;"
                    + " tried to read 4 file header bytes, only got " + unzipped.available()
                    + " (at file offset 0)", 0);
        }
        return unzipped;
    }

    static PcapException failure(String name, Throwable e) {
        if (e instanceof java.util.zip.ZipException || e instanceof java.io.EOFException) {
            return new MalformedCaptureException(name + ": corrupt gzip data: " + e.getMessage(), -1);
        }
        return new PcapException(name + ": error reading dump file: " + e.getMessage(), e);
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // already failing; the first error is the one to report
        }
    }
}
