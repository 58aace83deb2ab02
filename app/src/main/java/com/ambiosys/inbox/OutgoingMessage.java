package com.ambiosys.inbox;

import com.ambiosys.platform.errors.InvalidInputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;


/**
 * What an agent sends to a contact on WhatsApp, one record per kind of message. Each is checked against the Cloud
 * API's limits when it is made (a bad one never reaches the sender) and writes its own part of Meta's request body.
 */
public sealed interface OutgoingMessage {

    /** TEXT, BUTTONS, LIST, TEMPLATE, IMAGE, DOCUMENT, AUDIO or VIDEO (stored lower-case as the message's type). */
    String type();

    /** What the thread shows of the message (its stored body); null for none. */
    String body();

    /** Puts the message's {@code type} and the object of that type into Meta's request body. */
    void writeTo(Map<String, Object> payload, String mediaId);

    /** Whether it may be sent outside the 24-hour window (only templates may). */
    default boolean allowedOutsideWindow() {
        return false;
    }

    /**
     * Meta's request body for the message, without its recipient. @param mediaId for media, the upload's id, known
     * once Meta has the bytes (null until then)
     */
    default Map<String, Object> payload(String mediaId) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("messaging_product", "whatsapp");
        p.put("recipient_type", "individual");
        writeTo(p, mediaId);
        return p;
    }

    public record ReplyButton(String id, String title) {
    }

    public record ListRow(String id, String title, String description) {
    }

    public record ListSection(String title, List<ListRow> rows) {
    }

    /** Plain text, up to 4096 characters. */
    public record Text(String text) implements OutgoingMessage {
        public Text {
            requireText(text, 4096);
        }

        @Override
        public String type() {
            return "TEXT";
        }

        @Override
        public String body() {
            return text;
        }

        @Override
        public void writeTo(Map<String, Object> payload, String mediaId) {
            payload.put("type", "text");
            payload.put("text", Map.of("preview_url", false, "body", text));
        }
    }

    /**
     * Text with one to three reply buttons, as Meta takes them: titles up to 20 characters and ids up to 256, each
     * unique (Meta refuses two buttons alike).
     */
    public record Buttons(String text, List<ReplyButton> buttons) implements OutgoingMessage {
        public static final int MAX_BUTTONS = 3;
        public static final int MAX_TITLE = 20;
        public static final int MAX_ID = 256;

        public Buttons {
            requireText(text, MAX_INTERACTIVE_TEXT);
            if (buttons == null || buttons.isEmpty() || buttons.size() > MAX_BUTTONS) {
                throw new InvalidInputException("invalid-buttons", MAX_BUTTONS, MAX_TITLE);
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            java.util.Set<String> titles = new java.util.HashSet<>();
            for (ReplyButton b : buttons) {
                if (b == null || !fits(b.title(), MAX_TITLE) || !fits(b.id(), MAX_ID) || !ids.add(b.id())
                        || !titles.add(b.title().trim().toLowerCase(Locale.ROOT))) {
                    throw new InvalidInputException("invalid-buttons", MAX_BUTTONS, MAX_TITLE);
                }
            }
            buttons = List.copyOf(buttons);
        }

        @Override
        public String type() {
            return "BUTTONS";
        }

        @Override
        public String body() {
            return text;
        }

        @Override
        public void writeTo(Map<String, Object> payload, String mediaId) {
            List<Map<String, Object>> replies = new ArrayList<>();
            for (ReplyButton b : buttons) {
                replies.add(Map.of("type", "reply", "reply", Map.of("id", b.id(), "title", b.title())));
            }
            payload.put("type", "interactive");
            payload.put("interactive", Map.of("type", "button", "body", Map.of("text", text), "action",
                    Map.of("buttons", replies)));
        }
    }

    /**
     * Text with a list opened by a button, as Meta takes it: a button of up to 20 characters; up to 10 sections
     * (each titled, up to 24 characters, when there are several) holding up to 10 rows in all; a row's title up to
     * 24 characters, its description up to 72 and its id up to 200, unique in the list.
     */
    public record OptionList(String text, String button, List<ListSection> sections) implements OutgoingMessage {
        public static final int MAX_BUTTON = 20;
        public static final int MAX_SECTIONS = 10;
        public static final int MAX_ROWS = 10;
        public static final int MAX_SECTION_TITLE = 24;
        public static final int MAX_ROW_TITLE = 24;
        public static final int MAX_ROW_DESCRIPTION = 72;
        public static final int MAX_ROW_ID = 200;

        public OptionList {
            requireText(text, MAX_INTERACTIVE_TEXT);
            if (!fits(button, MAX_BUTTON) || sections == null || sections.isEmpty() || sections.size() > MAX_SECTIONS) {
                throw new InvalidInputException("invalid-list", MAX_ROWS);
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (ListSection s : sections) {
                boolean titled = s != null && (sections.size() == 1 ? s.title() == null || s.title().length() <= MAX_SECTION_TITLE
                        : fits(s.title(), MAX_SECTION_TITLE));
                if (!titled || s.rows() == null || s.rows().isEmpty()) {
                    throw new InvalidInputException("invalid-list", MAX_ROWS);
                }
                for (ListRow r : s.rows()) {
                    if (r == null || !fits(r.title(), MAX_ROW_TITLE) || !fits(r.id(), MAX_ROW_ID) || !ids.add(r.id())
                            || (r.description() != null && r.description().length() > MAX_ROW_DESCRIPTION)) {
                        throw new InvalidInputException("invalid-list", MAX_ROWS);
                    }
                }
            }
            if (ids.size() > MAX_ROWS) {
                throw new InvalidInputException("invalid-list", MAX_ROWS);
            }
            sections = List.copyOf(sections);
        }

        @Override
        public String type() {
            return "LIST";
        }

        @Override
        public String body() {
            return text;
        }

        @Override
        public void writeTo(Map<String, Object> payload, String mediaId) {
            List<Map<String, Object>> written = new ArrayList<>();
            for (ListSection s : sections) {
                List<Map<String, Object>> items = new ArrayList<>();
                for (ListRow r : s.rows()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", r.id());
                    row.put("title", r.title());
                    if (r.description() != null) {
                        row.put("description", r.description());
                    }
                    items.add(row);
                }
                written.add(Map.of("title", s.title() == null ? "" : s.title(), "rows", items));
            }
            payload.put("type", "interactive");
            payload.put("interactive", Map.of("type", "list", "body", Map.of("text", text), "action",
                    Map.of("button", button, "sections", written)));
        }
    }

    /**
     * An approved template by name, in a language (Spanish unless said), with its body's parameters. @param text
     * its body as the contact reads it (the parameters in their places), when the channel's templates tell it; the
     * thread shows it, and the name when it is not known
     */
    public record Template(String name, String language, List<String> parameters, String text) implements OutgoingMessage {
        public Template {
            if (name == null || !name.matches("[a-z0-9_]{1,512}")) {
                throw new InvalidInputException("invalid-template");
            }
            language = language == null ? "es" : language;
            parameters = parameters == null ? List.of() : List.copyOf(parameters);
        }

        public Template(String name, String language, List<String> parameters) {
            this(name, language, parameters, null);
        }

        /** The same template, with the text it reads as. */
        public Template reading(String rendered) {
            return new Template(name, language, parameters, rendered);
        }

        @Override
        public String type() {
            return "TEMPLATE";
        }

        @Override
        public String body() {
            return text == null || text.isBlank() ? name : text;
        }

        @Override
        public boolean allowedOutsideWindow() {
            return true;
        }

        @Override
        public void writeTo(Map<String, Object> payload, String mediaId) {
            Map<String, Object> template = new LinkedHashMap<>();
            template.put("name", name);
            template.put("language", Map.of("code", language));
            if (!parameters.isEmpty()) {
                template.put("components", List.of(Map.of("type", "body", "parameters",
                        parameters.stream().map(v -> Map.of("type", "text", "text", v)).toList())));
            }
            payload.put("type", "template");
            payload.put("template", template);
        }
    }

    /** What WhatsApp takes for each kind of media (Cloud API limits): its media types (any, if none) and its size. */
    public enum MediaKind {
        IMAGE(List.of("image/jpeg", "image/png"), 5L << 20),
        VIDEO(List.of("video/mp4", "video/3gpp"), 16L << 20),
        AUDIO(List.of("audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg"), 16L << 20),
        DOCUMENT(List.of(), 100L << 20);

        final List<String> mediaTypes;
        final long maxBytes;

        MediaKind(List<String> mediaTypes, long maxBytes) {
            this.mediaTypes = mediaTypes;
            this.maxBytes = maxBytes;
        }

        boolean takes(String mediaType, long bytes) {
            return (mediaTypes.isEmpty() || mediaTypes.contains(mediaType)) && bytes <= maxBytes;
        }
    }

    /**
     * An uploaded file sent as an image, document, audio or video. @param fileId the upload (checked when sent)
     * @param caption up to 1024 characters, not for audio @param filename what a document is called
     */
    public record Media(MediaKind kind, UUID fileId, String caption, String filename) implements OutgoingMessage {
        public Media {
            Objects.requireNonNull(kind, "kind");
            if (hasCaption(kind, caption) && caption.length() > 1024) {
                throw new InvalidInputException("invalid-message-text", 1024);
            }
        }

        @Override
        public String type() {
            return kind.name();
        }

        @Override
        public String body() {
            return hasCaption(kind, caption) ? caption : null;
        }

        @Override
        public void writeTo(Map<String, Object> payload, String mediaId) {
            String type = kind.name().toLowerCase(Locale.ROOT);
            Map<String, Object> media = new LinkedHashMap<>();
            media.put("id", mediaId == null ? "" : mediaId); // the upload's id, known once Meta has the bytes
            if (hasCaption(kind, caption)) {
                media.put("caption", caption);
            }
            if (kind == MediaKind.DOCUMENT && filename != null && !filename.isBlank()) {
                media.put("filename", filename);
            }
            payload.put("type", type);
            payload.put(type, media);
        }

        private static boolean hasCaption(MediaKind kind, String caption) {
            return caption != null && !caption.isBlank() && kind != MediaKind.AUDIO;
        }
    }

    /** Meta's limit for the text of a message with buttons or a list. */
    int MAX_INTERACTIVE_TEXT = 1024;

    private static boolean fits(String value, int max) {
        return value != null && !value.isBlank() && value.length() <= max;
    }

    private static void requireText(String text, int max) {
        if (text == null || text.isBlank() || text.length() > max) {
            throw new InvalidInputException("invalid-message-text", max);
        }
    }
}
