package com.ambiosys.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.ambiosys.inbox.OutgoingMessage.ReplyButton;
import com.ambiosys.inbox.OutgoingMessage.MediaKind;
import com.ambiosys.inbox.OutgoingMessage.ListRow;
import com.ambiosys.inbox.OutgoingMessage.ListSection;
import com.ambiosys.platform.errors.DomainException;

/** Each kind of outgoing WhatsApp message: the Cloud API's limits, checked as it is made, and Meta's request body. */
class OutgoingMessageTest {

    @Test
    void aTextIsSentWithoutALinkPreviewAndIsItsOwnBody() {
        OutgoingMessage text = new OutgoingMessage.Text("Hola, ¿en qué le ayudamos?");
        assertThat(text.payload(null)).isEqualTo(Map.of("messaging_product", "whatsapp", "recipient_type", "individual",
                "type", "text", "text", Map.of("preview_url", false, "body", "Hola, ¿en qué le ayudamos?")));
        assertThat(text.body()).isEqualTo("Hola, ¿en qué le ayudamos?");
        assertThat(text.allowedOutsideWindow()).isFalse();
        assertThat(code(() -> new OutgoingMessage.Text(" "))).isEqualTo("invalid-message-text");
        assertThat(code(() -> new OutgoingMessage.Text("x".repeat(4097)))).isEqualTo("invalid-message-text");
    }

    @Test
    void buttonsAreOneToThreeWithShortTitles() {
        OutgoingMessage buttons = new OutgoingMessage.Buttons("¿Confirma la visita?",
                List.of(new ReplyButton("si", "Sí"), new ReplyButton("no", "No")));
        assertThat(buttons.payload(null).get("interactive")).isEqualTo(Map.of("type", "button",
                "body", Map.of("text", "¿Confirma la visita?"), "action", Map.of("buttons", List.of(
                        Map.of("type", "reply", "reply", Map.of("id", "si", "title", "Sí")),
                        Map.of("type", "reply", "reply", Map.of("id", "no", "title", "No"))))));
        assertThat(code(() -> new OutgoingMessage.Buttons("¿?", List.of()))).isEqualTo("invalid-buttons");
        assertThat(code(() -> new OutgoingMessage.Buttons("¿?", Collections.nCopies(4, new ReplyButton("a", "A")))))
            .isEqualTo("invalid-buttons");
        assertThat(code(() -> new OutgoingMessage.Buttons("¿?", List.of(new ReplyButton("a", "x".repeat(21))))))
            .isEqualTo("invalid-buttons");
    }

    @Test
    void aListHasUpToTenRowsAndDescribesOnlyTheRowsThatSaySomething() {
        OutgoingMessage list = new OutgoingMessage.OptionList("Elija un servicio", "Servicios", List.of(new ListSection(null,
                List.of(new ListRow("fosa", "Fosa séptica", null), new ListRow("ptar", "PTAR", "Operación mensual")))));
        assertThat(list.payload(null).get("interactive")).isEqualTo(Map.of("type", "list",
                "body", Map.of("text", "Elija un servicio"), "action", Map.of("button", "Servicios", "sections", List.of(
                        Map.of("title", "", "rows", List.of(Map.of("id", "fosa", "title", "Fosa séptica"),
                                Map.of("id", "ptar", "title", "PTAR", "description", "Operación mensual")))))));
        assertThat(code(() -> new OutgoingMessage.OptionList("Elija", "Ver", List.of(new ListSection("s",
                Collections.nCopies(11, new ListRow("a", "A", null))))))).isEqualTo("invalid-list");
        assertThat(code(() -> new OutgoingMessage.OptionList("Elija", null, List.of(new ListSection("s",
                List.of(new ListRow("a", "A", null))))))).isEqualTo("invalid-list");
    }

    @Test
    void onlyATemplateLeavesTheWindowAndItSpeaksSpanishUnlessToldOtherwise() {
        OutgoingMessage plain = new OutgoingMessage.Template("recordatorio_visita", null, null);
        assertThat(plain.allowedOutsideWindow()).isTrue();
        assertThat(plain.body()).isEqualTo("recordatorio_visita");
        assertThat(plain.payload(null).get("template")).isEqualTo(Map.of("name", "recordatorio_visita",
                "language", Map.of("code", "es")));
        assertThat(new OutgoingMessage.Template("saludo", "en_US", List.of("Ana")).payload(null).get("template"))
            .isEqualTo(Map.of("name", "saludo", "language", Map.of("code", "en_US"), "components", List.of(Map.of(
                    "type", "body", "parameters", List.of(Map.of("type", "text", "text", "Ana"))))));
        assertThat(code(() -> new OutgoingMessage.Template("Con Mayúsculas", null, null))).isEqualTo("invalid-template");
    }

    @Test
    void mediaCarriesItsUploadsIdACaptionExceptAudioAndADocumentsName() {
        UUID file = UUID.randomUUID();
        OutgoingMessage document = new OutgoingMessage.Media(MediaKind.DOCUMENT, file, "Cotización", "cotizacion.pdf");
        assertThat(document.payload(null).get("document")).isEqualTo(Map.of("id", "", "caption", "Cotización",
                "filename", "cotizacion.pdf"));
        assertThat(document.payload("1234").get("document")).isEqualTo(Map.of("id", "1234", "caption", "Cotización",
                "filename", "cotizacion.pdf"));
        OutgoingMessage audio = new OutgoingMessage.Media(MediaKind.AUDIO, file, "no se envía", "nota.ogg");
        assertThat(audio.payload("9").get("audio")).isEqualTo(Map.of("id", "9"));
        assertThat(audio.body()).isNull();
        assertThat(audio.type()).isEqualTo("AUDIO");
        assertThat(code(() -> new OutgoingMessage.Media(MediaKind.IMAGE, file, "x".repeat(1025), null)))
            .isEqualTo("invalid-message-text");
        assertThat(MediaKind.IMAGE.takes("image/gif", 10)).isFalse();
        assertThat(MediaKind.IMAGE.takes("image/png", 6L << 20)).isFalse();
        assertThat(MediaKind.DOCUMENT.takes("application/pdf", 100L << 20)).isTrue();
    }

    /** The problem code the message is refused with. */
    private static String code(Runnable making) {
        try {
            making.run();
        }
        catch (DomainException ex) {
            return ex.code();
        }
        throw new AssertionError("made without a complaint");
    }
}
