package com.ambiosys.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.ambiosys.support.TenantApiTest;

import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document (/api/docs) says what the API does: every schema name stands for one class (two records
 * named alike would be merged into one, and one endpoint described with the other's body), every JSON request
 * body is the schema of the record the controller takes, and every status a handler answers on success (201,
 * 202, 204) is documented.
 */
class ApiDocumentationTest extends TenantApiTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    JsonNode docs;

    @BeforeEach
    void readTheDocument() {
        docs = api.get("/api/docs").token(admin).send().json();
    }

    @Test
    void everySchemaNameStandsForOneClass() {
        JsonNode schemas = docs.path("components").path("schemas");
        Map<String, Set<String>> classesByName = new TreeMap<>();
        for (Class<?> type : ApiTypes.reachableFrom(handlers())) {
            classesByName.computeIfAbsent(ApiTypes.schemaName(type), n -> new TreeSet<>()).add(type.getName());
        }
        Map<String, Set<String>> clashes = new TreeMap<>();
        classesByName.forEach((name, classes) -> {
            if (classes.size() > 1 && schemas.has(name)) {
                clashes.put(name, classes);
            }
        });
        assertThat(clashes).as("schema names shared by different classes (name them apart)").isEmpty();
    }

    @Test
    void everyJsonRequestBodyIsTheSchemaOfTheRecordTheControllerTakes() {
        List<String> wrong = new ArrayList<>();
        forEachOperation((handler, operation, name) -> {
            Class<?> body = bodyType(handler);
            if (body == null) {
                return;
            }
            JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
            String expected = "#/components/schemas/" + ApiTypes.schemaName(body);
            if (!expected.equals(schema.path("$ref").asString(""))) {
                wrong.add(name + " documents " + schema + " for " + body.getName());
                return;
            }
            if (body.isRecord()) {
                Set<String> documented = new TreeSet<>();
                docs.path("components").path("schemas").path(ApiTypes.schemaName(body)).path("properties").propertyNames()
                    .forEach(documented::add);
                Set<String> fields = new TreeSet<>(Arrays.stream(body.getRecordComponents()).map(RecordComponent::getName).toList());
                if (!documented.equals(fields)) {
                    wrong.add(name + " documents the fields " + documented + " but " + body.getName() + " has " + fields);
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void everySuccessStatusAHandlerAnswersIsDocumented() {
        List<String> undocumented = new ArrayList<>();
        forEachOperation((handler, operation, name) -> {
            for (String status : successStatuses(handler.getMethod())) {
                if (!operation.path("responses").has(status)) {
                    undocumented.add(name + " answers " + status + " but documents " + operation.path("responses").propertyNames());
                }
            }
        });
        assertThat(undocumented).isEmpty();
    }

    @Test
    void theAgentsSendIsDocumentedWithItsOwnBodyAnd201() {
        JsonNode send = docs.path("paths").path("/api/v1/inbox/contacts/{contactId}/messages").path("post");
        assertThat(send.path("responses").has("201")).isTrue();
        assertThat(send.path("responses").has("200")).isFalse();
        String ref = send.path("requestBody").path("content").path("application/json").path("schema").path("$ref").asString();
        JsonNode body = docs.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1)).path("properties");
        assertThat(body.has("templateName")).isTrue();
        assertThat(body.has("optionId")).as("the simulator's phone reply is another body").isFalse();
    }

    interface OperationCheck {
        void check(HandlerMethod handler, JsonNode operation, String name);
    }

    /** Each of the application's operations with its entry in the document (one it lacks is the sweeps' concern). */
    private void forEachOperation(OperationCheck check) {
        mapping.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getName().startsWith("com.ambiosys.")) {
                return;
            }
            for (String pattern : info.getPatternValues()) {
                String path = pattern.replaceAll("\\{(\\w+):[^}]*}", "{$1}");
                for (var method : methods(info)) {
                    JsonNode operation = docs.path("paths").path(path).path(method.toLowerCase());
                    if (!operation.isMissingNode()) {
                        check.check(handler, operation, method + " " + path);
                    }
                }
            }
        });
    }

    private static List<String> methods(RequestMappingInfo info) {
        return info.getMethodsCondition().getMethods().stream().map(Enum::name).toList();
    }

    private List<HandlerMethod> handlers() {
        return mapping.getHandlerMethods().values().stream()
            .filter(h -> h.getBeanType().getName().startsWith("com.ambiosys.")).toList();
    }

    private static Class<?> bodyType(HandlerMethod handler) {
        for (MethodParameter p : handler.getMethodParameters()) {
            if (p.hasParameterAnnotation(RequestBody.class) && p.getParameterType() != byte[].class) {
                return p.getParameterType();
            }
        }
        return null;
    }

    /**
     * The success statuses other than 200 that the handler's own code answers: read from its bytecode (a use of
     * {@code HttpStatus.CREATED}, {@code ResponseEntity.created()} and the like), so that no handler escapes.
     */
    static Set<String> successStatuses(Method method) {
        Map<String, String> fields = Map.of("CREATED", "201", "ACCEPTED", "202", "NO_CONTENT", "204");
        Map<String, String> factories = Map.of("created", "201", "accepted", "202", "noContent", "204");
        Set<String> found = new HashSet<>();
        String descriptor = org.springframework.asm.Type.getMethodDescriptor(method);
        Class<?> owner = method.getDeclaringClass();
        try (InputStream in = owner.getClassLoader().getResourceAsStream(owner.getName().replace('.', '/') + ".class")) {
            new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
                    if (!name.equals(method.getName()) || !desc.equals(descriptor)) {
                        return null;
                    }
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitFieldInsn(int opcode, String fieldOwner, String field, String fieldDesc) {
                            if ("org/springframework/http/HttpStatus".equals(fieldOwner) && fields.containsKey(field)) {
                                found.add(fields.get(field));
                            }
                        }

                        @Override
                        public void visitMethodInsn(int opcode, String methodOwner, String called, String calledDesc, boolean itf) {
                            if ("org/springframework/http/ResponseEntity".equals(methodOwner) && factories.containsKey(called)) {
                                found.add(factories.get(called));
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG);
        }
        catch (IOException ex) {
            throw new IllegalStateException("cannot read " + owner, ex);
        }
        return found;
    }

    /** The classes of ours that the API's bodies and answers are made of, as springdoc names their schemas. */
    static final class ApiTypes {

        private ApiTypes() {
        }

        static String schemaName(Class<?> type) {
            io.swagger.v3.oas.annotations.media.Schema schema = type.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
            return schema != null && !schema.name().isEmpty() ? schema.name() : type.getSimpleName();
        }

        static Set<Class<?>> reachableFrom(List<HandlerMethod> handlers) {
            Set<Class<?>> found = new HashSet<>();
            for (HandlerMethod h : handlers) {
                walk(h.getMethod().getGenericReturnType(), found);
                for (Type p : h.getMethod().getGenericParameterTypes()) {
                    walk(p, found);
                }
            }
            return found;
        }

        private static void walk(Type type, Set<Class<?>> found) {
            if (type instanceof ParameterizedType p) {
                walk(p.getRawType(), found);
                for (Type argument : p.getActualTypeArguments()) {
                    walk(argument, found);
                }
                return;
            }
            if (!(type instanceof Class<?> c)) {
                return;
            }
            if (c.isArray()) {
                walk(c.getComponentType(), found);
                return;
            }
            if (!c.getName().startsWith("com.ambiosys.") || c.isEnum() || !found.add(c)) {
                return;
            }
            if (c.isRecord()) {
                for (RecordComponent rc : c.getRecordComponents()) {
                    walk(rc.getGenericType(), found);
                }
            }
            for (Class<?> permitted : c.isSealed() ? c.getPermittedSubclasses() : new Class<?>[0]) {
                walk(permitted, found);
            }
        }
    }
}
