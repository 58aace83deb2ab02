package com.ambiosys.platform.sweeps;

import java.util.LinkedHashMap;
import java.util.Map;

/** Which kind of record an id names: by the path it is in ({@code {id}}) or by its own name ({@code customerId}). */
final class Kinds {

    /** The resource a route's {@code {id}} stands for, by the longest matching path prefix. */
    private static final Map<String, String> RESOURCES = new LinkedHashMap<>();

    static {
        RESOURCES.put("/api/v1/customers/imports/", "import");
        RESOURCES.put("/api/v1/customers/", "customer");
        RESOURCES.put("/api/v1/users/", "user");
        RESOURCES.put("/api/v1/me/sessions/", "session");
        RESOURCES.put("/api/v1/roles/", "role");
        RESOURCES.put("/api/v1/sla-policies/", "slaPolicy");
        RESOURCES.put("/api/v1/service-types/", "serviceType");
        RESOURCES.put("/api/v1/service-requests/saved-filters/", "savedFilter");
        RESOURCES.put("/api/v1/service-requests/", "serviceRequest");
        RESOURCES.put("/api/v1/inbox/teams/", "team");
        RESOURCES.put("/api/v1/inbox/conversations/", "conversation");
        RESOURCES.put("/api/v1/inbox/channels/", "channel");
        RESOURCES.put("/api/v1/inbox/canned-responses/", "canned");
        RESOURCES.put("/api/v1/catalog/items/", "item");
        RESOURCES.put("/api/v1/catalog/categories/", "category");
        RESOURCES.put("/api/v1/files/", "file");
    }

    /** Ids named for what they point at, in paths, query strings and bodies. */
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("customerId", "customer"), Map.entry("addressId", "address"), Map.entry("documentId", "document"),
            Map.entry("entityId", "entity"), Map.entry("fileId", "file"), Map.entry("channelId", "channel"),
            Map.entry("phoneId", "phone"), Map.entry("serviceTypeId", "serviceType"), Map.entry("ownerId", "user"),
            Map.entry("categoryId", "category"), Map.entry("parentId", "category"), Map.entry("catalogItemId", "item"),
            Map.entry("teamId", "team"), Map.entry("assigneeId", "user"), Map.entry("userId", "user"),
            Map.entry("actorId", "user"), Map.entry("roleId", "role"), Map.entry("replyToMessageId", "message"),
            Map.entry("before", "message"), Map.entry("replyTo", "simMessage"), Map.entry("memberIds", "user"),
            Map.entry("roleIds", "role"), Map.entry("mediaFileIds", "file"));

    private Kinds() {
    }

    /** The kind of a path variable of a route, or null when the sweeps have no record of that kind. */
    static String ofPathVariable(String pattern, String variable) {
        if ("contactId".equals(variable)) {
            return pattern.startsWith("/api/v1/inbox/") ? "inboxContact" : "contact";
        }
        if ("messageId".equals(variable)) {
            return pattern.startsWith("/api/v1/simulator/") ? "simMessage" : "message";
        }
        if (!"id".equals(variable)) {
            return NAMED.get(variable);
        }
        for (Map.Entry<String, String> resource : RESOURCES.entrySet()) {
            if (pattern.startsWith(resource.getKey())) {
                return resource.getValue();
            }
        }
        return null;
    }

    /** The kind of a body or query field that carries an id (or a list of them), or null. */
    static String ofField(String pattern, String field) {
        if ("contactId".equals(field)) {
            return pattern.startsWith("/api/v1/inbox/") ? "inboxContact" : "contact";
        }
        if ("ownerId".equals(field) && pattern.startsWith("/api/v1/files")) {
            return "customer"; // the files of a record: the sweeps' files belong to a customer
        }
        return NAMED.get(field);
    }
}
