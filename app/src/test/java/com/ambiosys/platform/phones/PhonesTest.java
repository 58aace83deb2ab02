package com.ambiosys.platform.phones;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhonesTest {

    @Test
    void localNumbersTakeTheCustomersCountry() {
        assertThat(Phones.normalize("5555-1234", "GT")).isEqualTo("+50255551234");
        assertThat(Phones.normalize("(502) 5555 1234", "SV")).isEqualTo("+50255551234");
        assertThat(Phones.normalize("7012.3456", "SV")).isEqualTo("+50370123456");
        assertThat(Phones.normalize("2222 3333", "SV")).isEqualTo("+50322223333");
        assertThat(Phones.normalize("503 7012 3456", "GT")).isEqualTo("+50370123456");
        assertThat(Phones.normalize("00502 2432 1100", "SV")).isEqualTo("+50224321100");
    }

    @Test
    void numbersOfOtherCountriesNeedTheirCode() {
        assertThat(Phones.normalize("+52 55 1234 5678", "GT")).isEqualTo("+525512345678"); // Mexico City
        assertThat(Phones.normalize("+1 (305) 555-0123", "SV")).isEqualTo("+13055550123");
    }

    @Test
    void numbersOutsideTheNumberingPlanAreRefused() {
        assertThat(Phones.normalize("12", "GT")).isNull();
        assertThat(Phones.normalize("1234-5678", "GT")).isNull(); // Guatemalan numbers do not start with 1
        assertThat(Phones.normalize("9123-4567", "SV")).isNull(); // nor Salvadoran ones with 9
        assertThat(Phones.normalize("5555-12345", "GT")).isNull();
        assertThat(Phones.normalize("llámame", "GT")).isNull();
        assertThat(Phones.normalize(" ", "GT")).isNull();
    }

    @Test
    void e164NumbersAreWrittenAsPeopleReadThem() {
        assertThat(Phones.display("+50250123456")).isEqualTo("+502 5012 3456");
        assertThat(Phones.display("+50370123456")).isEqualTo("+503 7012 3456");
        assertThat(Phones.display("+525512345678")).isEqualTo("+52 55 1234 5678");
        assertThat(Phones.display("no es número")).isEqualTo("no es número");
        assertThat(Phones.display(null)).isNull();
    }

    @Test
    void theNationalFormAndTheInternationalOneMeanTheSameNumber() {
        for (String typed : new String[] { "5012 3456", "5012-3456", "+502 5012 3456", "00502 5012 3456", "502 5012 3456" }) {
            assertThat(Phones.normalize(typed, "GT")).as(typed).isEqualTo("+50250123456");
        }
    }
}
