package dev.uip.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection of the load generator: writes a request (resuming when the socket buffer is
 * full) and parses just enough of the answer (status, Content-Length or chunked body) to know when it is complete.
 */
final class Connection {

    private final InetSocketAddress address;
    private SocketChannel channel;
    private SelectionKey key;
    private ByteBuffer pending;
    private ByteBuffer in = ByteBuffer.allocate(16 * 1024);
    /** When the request in flight was due: latency is measured from here. */
    long dueAt;

    Connection(InetSocketAddress address) {
        this.address = address;
    }

    void open(Selector selector) throws IOException {
        channel = SocketChannel.open(address);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.configureBlocking(false);
        key = channel.register(selector, SelectionKey.OP_READ, this);
        in.clear();
    }

    void close() throws IOException {
        channel.close();
    }

    void send(byte[] request, long due) throws IOException {
        dueAt = due;
        pending = ByteBuffer.wrap(request);
        flush();
    }

    /** Continues a write the socket could not take at once. */
    void flush() throws IOException {
        channel.write(pending);
        key.interestOps(pending.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    /**
     * Reads what arrived. @return the status of a complete answer, 0 while it is incomplete, -1 when the server closed
     * the connection (it is reopened, the request counts as failed)
     */
    int read(Selector selector) throws IOException {
        if (key.isValid() && key.isWritable() && pending.hasRemaining()) {
            flush();
        }
        if (!key.isValid() || !key.isReadable()) {
            return 0;
        }
        if (!in.hasRemaining()) {
            ByteBuffer larger = ByteBuffer.allocate(in.capacity() * 2);
            in.flip();
            in = larger.put(in);
        }
        int read;
        try {
            read = channel.read(in);
        } catch (IOException e) {
            read = -1;
        }
        if (read < 0) {
            channel.close();
            open(selector);
            return -1;
        }
        int status = complete();
        if (status != 0) {
            in.clear();
        }
        return status;
    }

    /** @return the status when the buffer holds a whole answer, else 0 */
    private int complete() {
        byte[] bytes = in.array();
        int length = in.position();
        int headerEnd = indexOf(bytes, 0, length, "\r\n\r\n");
        if (headerEnd < 0) {
            return 0;
        }
        String head = new String(bytes, 0, headerEnd, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        int status = Integer.parseInt(head.substring(9, 12));
        int bodyStart = headerEnd + 4;
        int contentLength = head.indexOf("\r\ncontent-length:");
        if (contentLength >= 0) {
            int valueEnd = head.indexOf("\r\n", contentLength + 2);
            int value = Integer.parseInt(head.substring(contentLength + 17, valueEnd < 0 ? head.length() : valueEnd)
                    .trim());
            return length >= bodyStart + value ? status : 0;
        }
        if (head.contains("\r\ntransfer-encoding: chunked")) {
            return chunkedComplete(bytes, bodyStart, length) ? status : 0;
        }
        return status;
    }

    private static boolean chunkedComplete(byte[] bytes, int from, int length) {
        int position = from;
        while (true) {
            int lineEnd = indexOf(bytes, position, length, "\r\n");
            if (lineEnd < 0) {
                return false;
            }
            String size = new String(bytes, position, lineEnd - position, StandardCharsets.ISO_8859_1);
            int semicolon = size.indexOf(';');
            int chunk = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            position = lineEnd + 2 + chunk + 2;
            if (chunk == 0) {
                return position <= length;
            }
            if (position > length) {
                return false;
            }
        }
    }

    private static int indexOf(byte[] bytes, int from, int length, String marker) {
        outer : for (int i = from; i <= length - marker.length(); i++) {
            for (int j = 0; j < marker.length(); j++) {
                if (bytes[i + j] != marker.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
