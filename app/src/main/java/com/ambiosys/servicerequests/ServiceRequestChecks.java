package com.ambiosys.servicerequests;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import com.ambiosys.customers.CustomerDirectory;
import com.ambiosys.customers.CustomerId;
import com.ambiosys.customers.CustomerManagement;
import com.ambiosys.customers.CustomerStatus;
import com.ambiosys.customers.CustomerViews;
import com.ambiosys.files.FileManagement;
import com.ambiosys.identity.StaffDirectory;
import com.ambiosys.platform.errors.ConflictException;
import com.ambiosys.platform.errors.InvalidInputException;
import com.ambiosys.platform.errors.NotFoundException;
import com.ambiosys.servicerequests.ServiceRequestSetup.ServiceType;
import com.ambiosys.servicerequests.domain.TypeDataRules;

/** What a request refers to, checked before it is written: its type, customer, contact, address, files, owner, data. */
@Component
class ServiceRequestChecks {

    private final MessageSource messages;
    private final ServiceRequestSetup setup;
    private final CustomerManagement customers;
    private final StaffDirectory staff;
    private final FileManagement files;
    private final CustomerDirectory directory;

    ServiceRequestChecks(MessageSource messages, ServiceRequestSetup setup, CustomerManagement customers,
            StaffDirectory staff, FileManagement files, CustomerDirectory directory) {
        this.directory = directory;
        this.messages = messages;
        this.setup = setup;
        this.customers = customers;
        this.staff = staff;
        this.files = files;
    }

    UUID checkedOwner(UUID ownerId) {
        boolean eligible = staff.activeWith("servicerequests:edit").stream().anyMatch(m -> m.id().value().equals(ownerId));
        if (!eligible) {
            throw new InvalidInputException("invalid-owner");
        }
        return ownerId;
    }

    ServiceType knownType(UUID id) {
        try {
            ServiceType type = setup.type(id);
            if (!type.active()) {
                throw new InvalidInputException("unknown-service-type");
            }
            return type;
        }
        catch (NotFoundException ex) {
            throw new InvalidInputException("unknown-service-type");
        }
    }

    CustomerViews.Customer knownCustomer(UUID id) {
        try {
            CustomerViews.Customer customer = customers.get(id);
            if (customer.status() != CustomerStatus.ACTIVE) {
                throw new ConflictException("customer-blocked", customer.commercialName());
            }
            return customer;
        }
        catch (NotFoundException ex) {
            throw new InvalidInputException("unknown-customer");
        }
    }

    /**
     * Owner and country of the request's customer, for assigning it: deleted or not, and whether or not the one
     * who assigns may see that customer.
     */
    CustomerDirectory.OwnerAndCountry ownerAndCountry(UUID customerId) {
        return directory.ownerAndCountry(new CustomerId(customerId)).orElseThrow(() -> new NotFoundException("customer"));
    }


    void knownFile(UUID fileId) {
        try {
            files.get(fileId);
        }
        catch (NotFoundException ex) {
            throw new InvalidInputException("unknown-file");
        }
    }

    static void checkContactAndAddress(CustomerViews.Customer customer, UUID contactId, UUID addressId) {
        if (contactId != null && customer.contacts().stream().noneMatch(k -> k.id().equals(contactId))) {
            throw new InvalidInputException("unknown-contact");
        }
        if (addressId != null && customer.addresses().stream().noneMatch(a -> a.id().equals(addressId))) {
            throw new InvalidInputException("unknown-address");
        }
    }

    Map<String, Object> checkedTypeData(ServiceType type, tools.jackson.databind.JsonNode data) {
        TypeDataRules.Result result = TypeDataRules.check(type.dataSchema(), data);
        if (!result.valid()) {
            Locale locale = LocaleContextHolder.getLocale();
            List<Map<String, String>> errors = result.problems().stream()
                .map(p -> Map.of("field", p.field(), "message",
                        messages.getMessage("sr.data." + p.code(), p.args().toArray(), p.code(), locale)))
                .toList();
            throw new ServiceRequests.InvalidFields("invalid-type-data", errors);
        }
        return result.data();
    }
}
