package com.ambiosys.customers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.ambiosys.customers.CustomerViews.NewContact;
import com.ambiosys.platform.errors.InvalidInputException;
import com.ambiosys.platform.phones.Phones;

/** The checks and normal forms of what a customer's commands take: tax id, contact. */
final class CustomerChecks {

    private CustomerChecks() {
    }

    /** The tax id in its stored form (null when blank); 400 {@code invalid-tax-id} when the country's rule refuses it. */
    static String checkedTaxId(Country country, String taxId) {
        if (taxId == null || taxId.isBlank()) {
            return null;
        }
        if (!TaxIds.isValid(country.name(), taxId)) {
            throw new InvalidInputException("invalid-tax-id", taxId);
        }
        return TaxIds.normalize(taxId);
    }

    static NewContact checkedContact(NewContact contact, Country country) {
        List<String> phones = new ArrayList<>();
        for (String phone : contact.phones() == null ? List.<String>of() : contact.phones()) {
            String normalized = Phones.normalize(phone, country.name());
            if (normalized == null) {
                throw new InvalidInputException("invalid-phone", phone);
            }
            if (!phones.contains(normalized)) {
                phones.add(normalized);
            }
        }
        List<String> emails = (contact.emails() == null ? List.<String>of() : contact.emails()).stream()
            .map(e -> e.trim().toLowerCase(Locale.ROOT)).distinct().toList();
        ContactRole role = contact.role() == null ? ContactRole.PRIMARY : contact.role();
        return new NewContact(contact.fullName(), role, phones, emails);
    }

    static String[] tags(List<String> tags) {
        return tags == null ? new String[0]
                : tags.stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty()).distinct()
                    .toArray(String[]::new);
    }
}
