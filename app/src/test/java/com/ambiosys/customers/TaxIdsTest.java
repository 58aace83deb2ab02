package com.ambiosys.customers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaxIdsTest {

    @Test
    void guatemalanNitHasAModulo11CheckDigitThatMayBeK() {
        assertThat(TaxIds.isValid("GT", "576937-K")).isTrue();
        assertThat(TaxIds.isValid("GT", "576937k")).isTrue();
        assertThat(TaxIds.isValid("GT", "576937-1")).isFalse();
        assertThat(TaxIds.isValid("GT", "12345678")).isFalse();
        assertThat(TaxIds.isValid("GT", "CF")).isTrue(); // consumidor final
        assertThat(TaxIds.isValid("GT", "ABC")).isFalse();
        assertThat(TaxIds.normalize(" 576 937-k ")).isEqualTo("576937K");
    }

    @Test
    void salvadoranNitAndDuiHaveTheirCheckDigits() {
        assertThat(TaxIds.isValid("SV", "0614-050707-104-8")).isTrue();
        assertThat(TaxIds.isValid("SV", "0614-050707-104-0")).isFalse();
        assertThat(TaxIds.isValid("SV", "5614-050707-104-8")).isFalse(); // must start with 0, 1 or 9
        assertThat(TaxIds.isValid("SV", "00016297-5")).isTrue(); // a DUI, valid as NIT since 2021
        assertThat(TaxIds.isValid("SV", "00016297-4")).isFalse();
        assertThat(TaxIds.isValid("SV", "CF")).isFalse();
    }
}
