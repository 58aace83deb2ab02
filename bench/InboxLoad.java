// Load generator of bench/inbox-webhooks.sh: WhatsApp webhooks signed like Meta signs them, sent open-loop at
// a target rate over raw HTTP/1.1 keep-alive connections, and a crowd of Server-Sent Events clients.
// A single-file program (java bench/InboxLoad.java MODE ...), JDK only.
//
//   webhooks  --base URL --phone-number-id ID --secret S [--rate 1000] [--warmup 15] [--duration 60]
//             [--connections 64] [--phones 2000] [--seed 42]
//       Every body is built and signed (X-Hub-Signature-256, HMAC-SHA256 with the app secret) before the run, so
//       the generator spends its CPU on sending. Each POST has a planned send time (open loop: messages at
//       --rate per second, ramped from 30 % during the warm-up); the acknowledgement latency is measured from that
//       planned time to the end of the response, so a server that falls behind is charged for the queue it causes
//       (no coordinated omission). The mix: mostly text from --phones distinct Guatemalan and Salvadoran numbers,
//       interactive replies (buttons and lists), quick-reply buttons, locations, some POSTs carrying several
//       messages, statuses for message ids nobody stored, ~2 % exact re-posts of an earlier body (same bytes and
//       signature: Meta's retries) and ~5 % timestamps minutes in the past (out of order).
//   sse       --base URL --token T --phone-number-id ID --secret S [--clients 1000] [--rate 10] [--duration 20]
//       Opens --clients connections to /api/v1/inbox/stream (one NIO selector thread), then posts one message a
//       time at --rate per second and measures, for every client, the time from writing the POST to reading the
//       message.new event that carries its id.
//
// Both print one line "BENCH_RESULT key=value ..." (and a few human lines before it) and exit 0 when the run was
// valid (every POST answered 200, every event delivered), 2 otherwise.

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class InboxLoad {

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: java InboxLoad.java webhooks|sse --option value ...");
            System.exit(1);
        }
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int status = switch (args[0]) {
            case "webhooks" -> webhooks(o);
            case "sse" -> sse(o);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        };
        System.exit(status);
    }

    // --- payloads ------------------------------------------------------------------------------------------------

    static final String[] FIRST = { "María", "José", "Ana", "Juan Carlos", "Lucía", "Luis Fernando", "Sofía", "Carlos",
            "Gabriela", "Miguel Ángel", "Andrea", "Jorge", "Valeria", "Mario", "Daniela", "Óscar", "Paola", "Édgar",
            "Karla", "Rodrigo", "Fernanda", "Byron", "Mónica", "Estuardo", "Ingrid", "Wálter", "Rosa María", "Héctor",
            "Brenda", "Julio César" };
    static final String[] LAST = { "García", "López", "Hernández", "Pérez", "Martínez", "Rodríguez", "González",
            "Morales", "Ramírez", "Castillo", "Cifuentes", "Ajú", "Xicará", "Chávez", "Orellana", "Menjívar", "Peña",
            "Alvarado", "Barrios", "Sandoval", "Quiñónez", "Cruz", "Flores", "Reyes", "Monterroso" };
    static final String[] TEXTS = { "Buenos días, quiero cotizar el mantenimiento del aire acondicionado",
            "¿A qué hora llega el técnico?", "Gracias, ya quedó funcionando 👍", "Hola, el equipo volvió a fallar",
            "¿Tienen disponibilidad para el sábado?", "Necesito la factura con mi NIT, por favor",
            "El técnico no ha llegado todavía", "Sí, confirmo la visita de mañana a las 9",
            "¿Cuánto cuesta la instalación de un minisplit de 12 000 BTU?", "Buenas tardes",
            "Les envío la ubicación de la bodega", "Perfecto, muchas gracias", "¿Aceptan pago con tarjeta?",
            "El aire gotea agua por dentro, ¿es normal?", "Quisiera reprogramar la cita para el jueves",
            "Ok", "Estoy en la oficina de zona 10, 3er nivel", "¿Me pueden llamar al rato? Estoy en reunión",
            "Hola, ¿siguen atendiendo en San Salvador?", "La planta eléctrica no arranca desde ayer",
            "Ya hice el depósito, les mando la foto de la boleta", "¿Cuál es el número de orden?",
            "Necesito el informe del servicio para mi jefe", "Muy buen servicio, los recomiendo",
            "¿El mantenimiento preventivo incluye limpieza de filtros?", "Disculpe, ¿con quién tengo el gusto?" };
    static final String[][] BUTTONS = { { "confirmar", "Sí, confirmo" }, { "reprogramar", "Reprogramar" },
            { "cancelar", "Cancelar visita" }, { "hablar_asesor", "Hablar con un asesor" } };
    static final String[][] LIST = { { "svc_mant", "Mantenimiento preventivo" }, { "svc_rep", "Reparación" },
            { "svc_inst", "Instalación" }, { "svc_cot", "Cotización" } };
    static final String[][] PLACES = { { "14.5989", "-90.5146", "Oficina central", "6a. Avenida 12-34, Zona 10, Guatemala" },
            { "14.6349", "-90.5069", "", "" }, { "13.6929", "-89.2182", "Bodega Soyapango", "Bulevar del Ejército, km 4" },
            { "14.5586", "-90.7295", "Antigua Guatemala", "5a. Calle Poniente 15" } };

    record Contact(String waId, String name) {
    }

    record Post(byte[] request, long plannedNanos, int messages, boolean measured, List<String> ids) {
    }

    static final class Generator {
        final Random random;
        final String phoneNumberId;
        final byte[] secret;
        final String host;
        final String runId;
        final Contact[] contacts;
        final long epoch = System.currentTimeMillis() / 1000;
        long counter;

        Generator(long seed, String phoneNumberId, String secret, String host, int phones) {
            this.random = new Random(seed);
            this.phoneNumberId = phoneNumberId;
            this.secret = secret.getBytes(StandardCharsets.UTF_8);
            this.host = host;
            this.runId = Long.toString(System.nanoTime() & 0xffffffL, 36).toUpperCase(Locale.ROOT);
            java.util.Set<String> seen = new java.util.HashSet<>();
            contacts = new Contact[phones];
            for (int i = 0; i < phones;) {
                String waId = random.nextInt(10) < 7 ? "502" + (3 + random.nextInt(3)) + digits(7) // Guatemala
                        : "503" + (6 + random.nextInt(2)) + digits(7); // El Salvador
                if (seen.add(waId)) {
                    contacts[i++] = new Contact(waId, FIRST[random.nextInt(FIRST.length)] + " "
                            + LAST[random.nextInt(LAST.length)]);
                }
            }
        }

        String digits(int n) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < n; i++) {
                b.append((char) ('0' + random.nextInt(10)));
            }
            return b.toString();
        }

        String nextId(String waId) {
            String raw = waId + "-" + runId + "-" + (counter++);
            return "wamid.HBgL" + java.util.Base64.getEncoder().withoutPadding()
                .encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
        }

        static String q(String s) {
            StringBuilder b = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') {
                    b.append('\\');
                }
                b.append(c);
            }
            return b.append('"').toString();
        }

        /** One message object; its id is added to {@code ids}. */
        String message(Contact c, long at, List<String> ids) {
            String id = nextId(c.waId());
            ids.add(id);
            long ts = random.nextInt(100) < 5 ? at - 5 - random.nextInt(300) : at; // some out of order
            String head = "{\"from\":\"" + c.waId() + "\",\"id\":\"" + id + "\",\"timestamp\":\"" + ts + "\",";
            int kind = random.nextInt(100);
            if (kind < 84) {
                return head + "\"type\":\"text\",\"text\":{\"body\":" + q(TEXTS[random.nextInt(TEXTS.length)]) + "}}";
            }
            if (kind < 90) {
                String[] b = BUTTONS[random.nextInt(BUTTONS.length)];
                return head + "\"context\":{\"from\":\"50222220000\",\"id\":\"wamid.HBgLctx" + random.nextInt(1_000_000)
                        + "\"},\"type\":\"interactive\",\"interactive\":{\"type\":\"button_reply\",\"button_reply\":{\"id\":\""
                        + b[0] + "\",\"title\":" + q(b[1]) + "}}}";
            }
            if (kind < 93) {
                String[] l = LIST[random.nextInt(LIST.length)];
                return head + "\"type\":\"interactive\",\"interactive\":{\"type\":\"list_reply\",\"list_reply\":{\"id\":\""
                        + l[0] + "\",\"title\":" + q(l[1]) + ",\"description\":\"Agendar con un técnico\"}}}";
            }
            if (kind < 95) {
                String[] b = BUTTONS[random.nextInt(2)];
                return head + "\"type\":\"button\",\"button\":{\"payload\":\"" + b[0] + "\",\"text\":" + q(b[1]) + "}}";
            }
            String[] p = PLACES[random.nextInt(PLACES.length)];
            String place = p[2].isEmpty() ? "" : ",\"name\":" + q(p[2]) + ",\"address\":" + q(p[3]);
            return head + "\"type\":\"location\",\"location\":{\"latitude\":" + p[0] + ",\"longitude\":" + p[1] + place + "}}";
        }

        String envelope(String value) {
            return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":"
                    + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"50222220000\","
                    + "\"phone_number_id\":\"" + phoneNumberId + "\"}," + value + "},\"field\":\"messages\"}]}]}";
        }

        /** A POST with the messages of {@code from} (one contact each); answers the body. */
        String messages(List<Contact> from, long at, List<String> ids) {
            StringBuilder contactsJson = new StringBuilder();
            StringBuilder messagesJson = new StringBuilder();
            for (Contact c : from) {
                if (contactsJson.indexOf("\"" + c.waId() + "\"") < 0) {
                    contactsJson.append(contactsJson.length() == 0 ? "" : ",").append("{\"profile\":{\"name\":")
                        .append(q(c.name())).append("},\"wa_id\":\"").append(c.waId()).append("\"}");
                }
                messagesJson.append(messagesJson.length() == 0 ? "" : ",").append(message(c, at, ids));
            }
            return envelope("\"contacts\":[" + contactsJson + "],\"messages\":[" + messagesJson + "]");
        }

        String statuses(long at) {
            Contact c = contacts[random.nextInt(contacts.length)];
            String[] s = { "sent", "delivered", "read" };
            return envelope("\"statuses\":[{\"id\":\"wamid.HBgLunknown" + runId + (counter++) + "\",\"status\":\""
                    + s[random.nextInt(3)] + "\",\"timestamp\":\"" + at + "\",\"recipient_id\":\"" + c.waId()
                    + "\",\"conversation\":{\"id\":\"c" + random.nextInt(1_000_000)
                    + "\",\"origin\":{\"type\":\"service\"}},\"pricing\":{\"billable\":true,\"pricing_model\":\"CBP\","
                    + "\"category\":\"service\"}}]");
        }

        byte[] request(String body) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String head = "POST /webhooks/whatsapp HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: facebookexternalua\r\n"
                    + "Content-Type: application/json\r\nX-Hub-Signature-256: sha256=" + hmac(bytes) + "\r\n"
                    + "Content-Length: " + bytes.length + "\r\n\r\n";
            byte[] h = head.getBytes(StandardCharsets.US_ASCII);
            byte[] all = Arrays.copyOf(h, h.length + bytes.length);
            System.arraycopy(bytes, 0, all, h.length, bytes.length);
            return all;
        }

        String hmac(byte[] body) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret, "HmacSHA256"));
                return HexFormat.of().formatHex(mac.doFinal(body));
            }
            catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }
    }

    // --- a raw HTTP/1.1 keep-alive connection ---------------------------------------------------------------------

    static final class Conn implements AutoCloseable {
        final String host;
        final int port;
        Socket socket;
        InputStream in;
        OutputStream out;

        Conn(String host, int port) {
            this.host = host;
            this.port = port;
        }

        /** Sends a whole request and reads the response; answers its status. */
        int exchange(byte[] request) throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(30_000);
                socket.connect(new InetSocketAddress(host, port), 5_000);
                in = new BufferedInputStream(socket.getInputStream(), 8192);
                out = socket.getOutputStream();
            }
            try {
                out.write(request);
                out.flush();
                return readResponse();
            }
            catch (IOException ex) {
                close();
                throw ex;
            }
        }

        private int readResponse() throws IOException {
            String statusLine = line();
            if (statusLine == null) {
                throw new IOException("connection closed");
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            long length = 0;
            boolean chunked = false;
            boolean close = false;
            String h;
            while ((h = line()) != null && !h.isEmpty()) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                }
                else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
                else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (chunked) {
                while (true) {
                    long size = Long.parseLong(line().split(";")[0].trim(), 16);
                    skip(size);
                    line();
                    if (size == 0) {
                        break;
                    }
                }
            }
            else {
                skip(length);
            }
            if (close) {
                close();
            }
            return status;
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                long s = in.skip(n);
                if (s <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed");
                    }
                    s = 1;
                }
                n -= s;
            }
        }

        private String line() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream(64);
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    break;
                }
                if (c != '\r') {
                    b.write(c);
                }
            }
            if (c < 0 && b.size() == 0) {
                return null;
            }
            return b.toString(StandardCharsets.ISO_8859_1);
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                }
                catch (IOException ignored) {
                    // closing anyway
                }
            }
            socket = null;
        }
    }

    // --- webhooks ------------------------------------------------------------------------------------------------

    static int webhooks(Map<String, String> o) throws Exception {
        URI base = URI.create(o.get("base"));
        double rate = Double.parseDouble(o.getOrDefault("rate", "1000"));
        double warmup = Double.parseDouble(o.getOrDefault("warmup", "15"));
        double duration = Double.parseDouble(o.getOrDefault("duration", "60"));
        int connections = Integer.parseInt(o.getOrDefault("connections", "64"));
        Generator g = new Generator(Long.parseLong(o.getOrDefault("seed", "42")), o.get("phone-number-id"),
                o.get("secret"), base.getHost() + ":" + base.getPort(), Integer.parseInt(o.getOrDefault("phones", "2000")));

        // plan every POST: planned time in nanoseconds from the start
        List<Post> posts = new ArrayList<>();
        List<Post> recent = new ArrayList<>();
        java.util.Set<String> distinct = new java.util.HashSet<>();
        double t = 0; // seconds
        int duplicates = 0;
        int statusPosts = 0;
        int multi = 0;
        double end = warmup + duration;
        while (t < end) {
            boolean measured = t >= warmup;
            long at = g.epoch + (long) t;
            int kind = g.random.nextInt(1000);
            if (kind < 20 && !recent.isEmpty()) { // 2 %: Meta retries an earlier delivery, same bytes
                Post earlier = recent.get(g.random.nextInt(recent.size()));
                posts.add(new Post(earlier.request(), (long) (t * 1e9), 0, measured, List.of()));
                duplicates++;
                continue;
            }
            if (kind < 50) { // 3 %: a status for a message id nobody stored
                posts.add(new Post(g.request(g.statuses(at)), (long) (t * 1e9), 0, measured, List.of()));
                statusPosts++;
                continue;
            }
            List<Contact> from = new ArrayList<>();
            if (kind < 90) { // 4 %: several messages in one POST (one contact writing fast, or several contacts)
                int n = 2 + g.random.nextInt(4);
                Contact same = g.contacts[g.random.nextInt(g.contacts.length)];
                boolean one = g.random.nextBoolean();
                for (int i = 0; i < n; i++) {
                    from.add(one ? same : g.contacts[g.random.nextInt(g.contacts.length)]);
                }
                multi++;
            }
            else {
                from.add(g.contacts[g.random.nextInt(g.contacts.length)]);
            }
            List<String> ids = new ArrayList<>();
            Post post = new Post(g.request(g.messages(from, at, ids)), (long) (t * 1e9), ids.size(), measured, ids);
            posts.add(post);
            distinct.addAll(ids);
            if (recent.size() < 500) {
                recent.add(post);
            }
            else {
                recent.set(g.random.nextInt(500), post);
            }
            double current = t < warmup ? rate * (0.3 + 0.7 * t / warmup) : rate; // ramp during the warm-up
            t += ids.size() / current;
        }
        int measuredMessages = posts.stream().filter(Post::measured).mapToInt(Post::messages).sum();
        long measuredPosts = posts.stream().filter(Post::measured).count();
        System.out.printf(Locale.ROOT,
                "planned %d POSTs (%d measured), %d distinct message ids (%d measured), %d re-posts, %d status POSTs, "
                        + "%d POSTs with several messages, %d phones%n",
                posts.size(), measuredPosts, distinct.size(), measuredMessages, duplicates, statusPosts, multi,
                g.contacts.length);

        BlockingQueue<Post> queue = new ArrayBlockingQueue<>(posts.size() + 1);
        long[] latency = new long[posts.size()];
        long[] service = new long[posts.size()];
        boolean[] measuredSlot = new boolean[posts.size()];
        long[] plannedSlot = new long[posts.size()];
        AtomicInteger done = new AtomicInteger();
        AtomicInteger non200 = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong lastMeasuredEnd = new AtomicLong();
        AtomicInteger answeredMessages = new AtomicInteger(); // messages of the POSTs answered in the measured window
        AtomicInteger maxQueue = new AtomicInteger();
        Map<Integer, Integer> statusCounts = new ConcurrentHashMap<>();
        Post poison = new Post(new byte[0], 0, 0, false, List.of());
        long start = System.nanoTime() + 200_000_000L;
        long measureStartNanos = start + (long) (warmup * 1e9);
        CountDownLatch finished = new CountDownLatch(connections);
        for (int c = 0; c < connections; c++) {
            Thread worker = new Thread(() -> {
                try (Conn conn = new Conn(base.getHost(), base.getPort())) {
                    while (true) {
                        Post p = queue.take();
                        if (p == poison) {
                            return;
                        }
                        long sent = System.nanoTime();
                        int status;
                        try {
                            status = conn.exchange(p.request());
                        }
                        catch (IOException | RuntimeException ex) {
                            errors.incrementAndGet();
                            status = -1;
                        }
                        long now = System.nanoTime();
                        int slot = done.getAndIncrement();
                        latency[slot] = now - (start + p.plannedNanos());
                        service[slot] = now - sent;
                        measuredSlot[slot] = p.measured();
                        plannedSlot[slot] = p.plannedNanos();
                        if (p.measured()) {
                            lastMeasuredEnd.accumulateAndGet(now, Math::max);
                        }
                        if (now >= measureStartNanos) {
                            answeredMessages.addAndGet(p.messages());
                        }
                        if (status != 200) {
                            non200.incrementAndGet();
                            statusCounts.merge(status, 1, Integer::sum);
                        }
                    }
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                finally {
                    finished.countDown();
                }
            }, "post-" + c);
            worker.setDaemon(true);
            worker.start();
        }
        long measureStart = start + (long) (warmup * 1e9);
        long[] cpuBefore = null;
        boolean announced = false;
        for (Post p : posts) {
            long due = start + p.plannedNanos();
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(Math.min(wait, 1_000_000L));
            }
            if (!announced && p.measured()) {
                cpuBefore = cpuMs(o.get("app-pid"), o.get("pg-pid"));
                System.out.printf(Locale.ROOT, "warm-up done: %d POSTs answered, queue %d%n", done.get(), queue.size());
                announced = true;
            }
            queue.add(p);
            maxQueue.accumulateAndGet(queue.size(), Math::max);
        }
        for (int c = 0; c < connections; c++) {
            queue.add(poison);
        }
        if (!finished.await(60, TimeUnit.SECONDS)) {
            System.out.printf(Locale.ROOT, "%d POSTs not answered within 60 s of the last planned one: the run is invalid%n",
                    posts.size() - done.get());
        }
        long[] cpuAfter = cpuMs(o.get("app-pid"), o.get("pg-pid"));
        if (cpuBefore == null) {
            cpuBefore = cpuAfter;
        }
        int n = done.get();
        if (o.containsKey("timeline")) { // per second of the plan: answers, server-side p99 and max, latency max
            java.util.TreeMap<Long, List<long[]>> bySecond = new java.util.TreeMap<>();
            for (int i = 0; i < n; i++) {
                bySecond.computeIfAbsent(plannedSlot[i] / 1_000_000_000L, x -> new ArrayList<>())
                    .add(new long[] { service[i], latency[i] });
            }
            try (java.io.PrintWriter out = new java.io.PrintWriter(o.get("timeline"))) {
                out.println("second answers svc_p50_ms svc_p99_ms svc_max_ms latency_max_ms");
                bySecond.forEach((second, rows) -> {
                    long[] sv = rows.stream().mapToLong(r -> r[0]).sorted().toArray();
                    long[] lt = rows.stream().mapToLong(r -> r[1]).sorted().toArray();
                    out.printf(Locale.ROOT, "%d %d %.1f %.1f %.1f %.1f%n", second, sv.length, pct(sv, 50), pct(sv, 99),
                            pct(sv, 100), pct(lt, 100));
                });
            }
            catch (java.io.IOException ex) {
                System.out.println("timeline not written: " + ex.getMessage());
            }
        }
        long[] m = new long[n];
        long[] s = new long[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (measuredSlot[i]) {
                m[k] = latency[i];
                s[k++] = service[i];
            }
        }
        m = Arrays.copyOf(m, k);
        s = Arrays.copyOf(s, k);
        Arrays.sort(m);
        Arrays.sort(s);
        double seconds = (lastMeasuredEnd.get() - measureStart) / 1e9;
        double achieved = measuredMessages / seconds;
        if (!statusCounts.isEmpty()) {
            System.out.println("non-200 answers by status (-1: no answer): " + statusCounts);
        }
        System.out.printf(Locale.ROOT,
                "BENCH_RESULT posts=%d measured_posts=%d distinct_ids=%d measured_messages=%d reposts=%d status_posts=%d "
                        + "multi_posts=%d non200=%d errors=%d msg_rate=%.1f post_rate=%.1f seconds=%.2f "
                        + "p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f svc_p50_ms=%.2f svc_p99_ms=%.2f max_queue=%d "
                        + "jvm_cpu_ms=%d pg_cpu_ms=%d cpu_messages=%d unanswered=%d%n",
                n, k, distinct.size(), measuredMessages, duplicates, statusPosts, multi, non200.get(), errors.get(), achieved,
                k / seconds, seconds, pct(m, 50), pct(m, 95), pct(m, 99), pct(m, 100), pct(s, 50), pct(s, 99),
                maxQueue.get(), cpuAfter[0] - cpuBefore[0], cpuAfter[1] - cpuBefore[1], answeredMessages.get(),
                posts.size() - n);
        return non200.get() == 0 && errors.get() == 0 && n == posts.size() ? 0 : 2;
    }

    /**
     * CPU time (ms) used so far by the JVM ({@code app}) and PostgreSQL ({@code pg}: the postmaster with the children
     * it has reaped and its live children, the pool's backends), from /proc; -1 when not given.
     */
    static long[] cpuMs(String app, String pg) {
        if (app == null || pg == null) {
            return new long[] { -1, -1 };
        }
        long tck = 100; // USER_HZ
        long jvm = ticks(app, false);
        long db = ticks(pg, true);
        java.io.File[] procs = new java.io.File("/proc").listFiles((d, n) -> n.chars().allMatch(Character::isDigit));
        for (java.io.File f : procs == null ? new java.io.File[0] : procs) {
            String[] st = stat(f.getName());
            if (st != null && st[1].equals(pg)) {
                db += ticks(f.getName(), false);
            }
        }
        return new long[] { jvm * 1000 / tck, db * 1000 / tck };
    }

    /** Fields of /proc/PID/stat after the command: [0] state, [1] ppid, ...; null if gone. */
    static String[] stat(String pid) {
        try {
            String s = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
            return s.substring(s.lastIndexOf(')') + 2).split(" ");
        }
        catch (IOException | RuntimeException ex) {
            return null;
        }
    }

    static long ticks(String pid, boolean withChildren) {
        String[] f = stat(pid);
        if (f == null) {
            return 0;
        }
        long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return withChildren ? t + Long.parseLong(f[13]) + Long.parseLong(f[14]) : t;
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    // --- Server-Sent Events --------------------------------------------------------------------------------------

    static final class Client {
        final SocketChannel channel;
        final StringBuilder pending = new StringBuilder();
        boolean headersDone;
        boolean ok;

        Client(SocketChannel channel) {
            this.channel = channel;
        }
    }

    static int sse(Map<String, String> o) throws Exception {
        URI base = URI.create(o.get("base"));
        int clients = Integer.parseInt(o.getOrDefault("clients", "1000"));
        double rate = Double.parseDouble(o.getOrDefault("rate", "10"));
        double duration = Double.parseDouble(o.getOrDefault("duration", "20"));
        String token = o.get("token");
        Generator g = new Generator(Long.parseLong(o.getOrDefault("seed", "7")), o.get("phone-number-id"), o.get("secret"),
                base.getHost() + ":" + base.getPort(), Integer.parseInt(o.getOrDefault("phones", "200")));
        byte[] get = ("GET /api/v1/inbox/stream HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nAuthorization: Bearer " + token + "\r\nAccept: text/event-stream\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);

        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        int messages = (int) Math.round(rate * duration);
        long[] lat = new long[messages * clients + 16];
        AtomicInteger received = new AtomicInteger();
        AtomicInteger connected = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        Selector selector = Selector.open();
        List<Client> all = new ArrayList<>();
        volatileStop = false;
        Thread reader = new Thread(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            try {
                while (!volatileStop) {
                    selector.select(200);
                    Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                    while (keys.hasNext()) {
                        SelectionKey key = keys.next();
                        keys.remove();
                        Client c = (Client) key.attachment();
                        buffer.clear();
                        int r;
                        try {
                            r = c.channel.read(buffer);
                        }
                        catch (IOException ex) {
                            r = -1;
                        }
                        if (r < 0) {
                            key.cancel();
                            continue;
                        }
                        long now = System.nanoTime();
                        c.pending.append(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8));
                        int nl;
                        while ((nl = c.pending.indexOf("\n")) >= 0) {
                            String line = c.pending.substring(0, nl).trim();
                            c.pending.delete(0, nl + 1);
                            if (!c.headersDone) {
                                if (line.startsWith("HTTP/1.1 ")) {
                                    c.ok = line.startsWith("HTTP/1.1 200");
                                    if (c.ok) {
                                        connected.incrementAndGet();
                                    }
                                    else {
                                        refused.incrementAndGet();
                                    }
                                }
                                else if (line.isEmpty()) {
                                    c.headersDone = true;
                                }
                                continue;
                            }
                            int at = line.indexOf("\"externalId\":\"");
                            if (line.startsWith("data:") && at >= 0) {
                                int from = at + 14;
                                String id = line.substring(from, line.indexOf('"', from));
                                Long sent = sentAt.get(id);
                                if (sent != null) {
                                    int slot = received.getAndIncrement();
                                    if (slot < lat.length) {
                                        lat[slot] = now - sent;
                                    }
                                }
                            }
                        }
                    }
                }
            }
            catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();

        // connect in batches of 100 so that the accept backlog never overflows
        long connectStart = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            SocketChannel ch = SocketChannel.open(new InetSocketAddress(base.getHost(), base.getPort()));
            ch.socket().setTcpNoDelay(true);
            ByteBuffer req = ByteBuffer.wrap(get);
            while (req.hasRemaining()) {
                ch.write(req);
            }
            ch.configureBlocking(false);
            Client c = new Client(ch);
            all.add(c);
            selector.wakeup();
            ch.register(selector, SelectionKey.OP_READ, c);
            if ((i + 1) % 100 == 0) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (connected.get() + refused.get() < i + 1 && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (connected.get() + refused.get() < clients && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        System.out.printf(Locale.ROOT, "%d of %d stream clients connected in %.1f s (%d refused)%n", connected.get(), clients,
                (System.nanoTime() - connectStart) / 1e9, refused.get());
        Thread.sleep(1000);

        // one message per POST, one connection, at the given rate
        int posted = 0;
        int non200 = 0;
        try (Conn conn = new Conn(base.getHost(), base.getPort())) {
            long start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                long due = start + (long) (i / rate * 1e9);
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(Math.min(wait, 1_000_000L));
                }
                List<String> ids = new ArrayList<>();
                Contact c = g.contacts[i % g.contacts.length];
                byte[] request = g.request(g.messages(List.of(c), g.epoch + i / (long) Math.max(1, rate), ids));
                sentAt.put(ids.get(0), System.nanoTime());
                int status;
                try {
                    status = conn.exchange(request);
                }
                catch (IOException ex) {
                    status = -1;
                }
                posted++;
                if (status != 200) {
                    non200++;
                }
            }
        }
        long expected = (long) posted * connected.get();
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (received.get() < expected && System.nanoTime() < waitUntil) {
            Thread.sleep(50);
        }
        volatileStop = true;
        reader.join(2000);
        for (Client c : all) {
            try {
                c.channel.close();
            }
            catch (IOException ignored) {
                // closing anyway
            }
        }
        int got = Math.min(received.get(), lat.length);
        long[] sorted = Arrays.copyOf(lat, got);
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT,
                "BENCH_RESULT clients=%d connected=%d messages=%d non200=%d expected_events=%d received_events=%d "
                        + "p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f%n",
                clients, connected.get(), posted, non200, expected, got, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                pct(sorted, 100));
        return connected.get() == clients && non200 == 0 && got == expected ? 0 : 2;
    }

    static volatile boolean volatileStop;
}
