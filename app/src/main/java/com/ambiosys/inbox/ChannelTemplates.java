package com.ambiosys.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.ambiosys.platform.errors.ConflictException;
import com.ambiosys.platform.errors.UpstreamFailureException;
import com.ambiosys.platform.tenancy.TenantContext;

import tools.jackson.databind.JsonNode;

/**
 * The approved message templates of a WhatsApp channel's business account, for the composer (outside the
 * 24-hour window only a template goes out). Read from Meta and kept {@link #TTL} per channel on this instance.
 */
@Service
public class ChannelTemplates {

    /** @param parameterCount how many {@code {{n}}} placeholders the body has */
    public record Template(String name, String language, String category, String status, String body, int parameterCount) {
    }

    static final Duration TTL = Duration.ofMinutes(5);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([0-9]+|[a-z_][a-z0-9_]*)\\s*}}");
    private static final Logger log = LoggerFactory.getLogger(ChannelTemplates.class);

    private record Cached(List<Template> templates, Instant until) {
    }

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Channels channels;
    private final MetaGraph graph;
    private final Clock clock;

    ChannelTemplates(Channels channels, MetaGraph graph, Clock clock) {
        this.channels = channels;
        this.graph = graph;
        this.clock = clock;
    }

    public List<Template> approved(UUID channelId) {
        Channels.Channel channel = channels.get(channelId); // 404 for another tenant's channel
        String key = TenantContext.require() + ":" + channelId + ":" + channel.wabaId();
        Cached cached = cache.get(key);
        Instant now = clock.instant();
        if (cached != null && cached.until().isAfter(now)) {
            return cached.templates();
        }
        if (channel.wabaId() == null || channel.wabaId().isBlank()) {
            throw new ConflictException("channel-without-waba");
        }
        List<Template> templates;
        try {
            templates = graph.approvedTemplates(channels.graphAccess(channelId), channel.wabaId()).stream()
                .filter(t -> "APPROVED".equalsIgnoreCase(t.path("status").asString("")))
                .map(ChannelTemplates::template).toList();
        }
        catch (MetaGraph.GraphException ex) {
            log.warn("Templates of channel {} not read from Meta: {}", channelId, ex.getMessage());
            throw new UpstreamFailureException("whatsapp-unavailable");
        }
        cache.put(key, new Cached(templates, now.plus(TTL)));
        return templates;
    }

    /**
     * The body of one of the channel's approved templates as the contact reads it: each placeholder replaced by its
     * parameter ({@code {{1}}} by the first; named ones in the order they first appear). Empty when the channel's
     * templates cannot be read or none is called so (in that language, or else the only one of that name).
     */
    public java.util.Optional<String> rendered(UUID channelId, String name, String language, List<String> parameters) {
        List<Template> known;
        try {
            known = approved(channelId);
        }
        catch (RuntimeException ex) { // not knowing the text must not stop the send: the thread shows the name
            log.debug("Templates of channel {} not known for the text of {}: {}", channelId, name, ex.getMessage());
            return java.util.Optional.empty();
        }
        List<Template> named = known.stream().filter(t -> name.equals(t.name()) && t.body() != null).toList();
        java.util.Optional<Template> chosen = named.stream().filter(t -> language.equals(t.language())).findFirst()
            .or(() -> named.size() == 1 ? java.util.Optional.of(named.get(0)) : java.util.Optional.empty());
        return chosen.map(t -> fill(t.body(), parameters));
    }

    static String fill(String body, List<String> parameters) {
        List<String> order = new java.util.ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            int index;
            if (key.chars().allMatch(Character::isDigit)) {
                index = key.length() > 3 ? -1 : Integer.parseInt(key) - 1;
            }
            else {
                if (!order.contains(key)) {
                    order.add(key);
                }
                index = order.indexOf(key);
            }
            String value = index >= 0 && index < parameters.size() ? parameters.get(index) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Template template(JsonNode t) {
        String body = null;
        for (JsonNode component : t.path("components")) {
            if ("BODY".equalsIgnoreCase(component.path("type").asString(""))) {
                body = component.path("text").asString(null);
            }
        }
        return new Template(t.path("name").asString(), t.path("language").asString(null), t.path("category").asString(null),
                t.path("status").asString(null), body, parameterCount(body));
    }

    static int parameterCount(String body) {
        if (body == null) {
            return 0;
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        Matcher m = PLACEHOLDER.matcher(body);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names.size();
    }
}
