package com.ambiosys.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.ambiosys.support.ApiClient;

/**
 * HTTP/1.1 requests from a chosen loopback address (127.0.0.2, ...): on Linux every 127.0.0.0/8 address
 * reaches a server listening on 127.0.0.1 or all addresses, and the server sees the chosen one as the
 * client's. For tests of what is decided per client IP.
 */
final class LoopbackClient {

    private LoopbackClient() {
    }

    /** Answers the raw response (status line, headers, body). */
    static String post(int port, String fromIp, String path, Object body, Map<String, String> headers) {
        byte[] bytes = ApiClient.json(body).getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nAccept: application/json\r\nConnection: close\r\n"
                + "Content-Length: " + bytes.length + "\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(fromIp, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A login from {@code fromIp}; answers the raw response. */
    static String login(int port, String fromIp, String email, String password, Map<String, String> headers) {
        return post(port, fromIp, "/api/v1/auth/login", Map.of("email", email, "password", password), headers);
    }
}
