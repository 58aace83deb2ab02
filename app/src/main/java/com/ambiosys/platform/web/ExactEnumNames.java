package com.ambiosys.platform.web;

import java.beans.PropertyEditorSupport;
import java.lang.reflect.RecordComponent;

import org.springframework.core.ResolvableType;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * A word of the domain (an enum) in a query parameter is its exact name: Spring's binding would trim it and read
 * an empty value as absent; the patterns these enums replace refused both, and so do these editors (a value that
 * is not a name is a field error of the 400 validation problem).
 */
@ControllerAdvice
class ExactEnumNames {

    @InitBinder
    void exactNames(WebDataBinder binder) {
        ResolvableType target = binder.getTargetType();
        Class<?> type = target == null ? (binder.getTarget() == null ? null : binder.getTarget().getClass()) : target.resolve();
        if (type == null || !type.isRecord() || !type.getName().startsWith("com.ambiosys.")) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            Class<?> raw = component.getType();
            Class<?> element = raw.isEnum() ? raw : ResolvableType.forType(component.getGenericType()).getGeneric(0).resolve();
            if (element != null && element.isEnum()) {
                binder.registerCustomEditor(element, new Editor(element));
            }
        }
    }

    private static final class Editor extends PropertyEditorSupport {

        private final Class<?> type;

        Editor(Class<?> type) {
            this.type = type;
        }

        @Override
        @SuppressWarnings({ "unchecked", "rawtypes" })
        public void setAsText(String text) {
            setValue(Enum.valueOf((Class) type, text));
        }
    }
}
