package com.ambiosys.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import com.ambiosys.platform.errors.AuthenticationFailedException;
import com.ambiosys.platform.errors.ConflictException;
import com.ambiosys.platform.errors.DomainException;
import com.ambiosys.platform.errors.ForbiddenException;
import com.ambiosys.platform.errors.InvalidInputException;
import com.ambiosys.platform.errors.NotFoundException;
import com.ambiosys.platform.errors.RateLimitedException;
import com.ambiosys.platform.errors.TemporarilyUnavailableException;
import com.ambiosys.platform.errors.TooLargeException;
import com.ambiosys.platform.errors.UnsupportedContentException;
import com.ambiosys.platform.errors.UpstreamFailureException;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;

class DomainStatusesTest {

    @Test
    void eachKindOfDomainFailureAnswersItsStatus() {
        Map<Class<? extends DomainException>, HttpStatus> expected = Map.ofEntries(
                Map.entry(InvalidInputException.class, HttpStatus.BAD_REQUEST),
                Map.entry(AuthenticationFailedException.class, HttpStatus.UNAUTHORIZED),
                Map.entry(ForbiddenException.class, HttpStatus.FORBIDDEN),
                Map.entry(NotFoundException.class, HttpStatus.NOT_FOUND),
                Map.entry(ConflictException.class, HttpStatus.CONFLICT),
                Map.entry(TooLargeException.class, HttpStatus.PAYLOAD_TOO_LARGE),
                Map.entry(UnsupportedContentException.class, HttpStatus.UNSUPPORTED_MEDIA_TYPE),
                Map.entry(RateLimitedException.class, HttpStatus.TOO_MANY_REQUESTS),
                Map.entry(UpstreamFailureException.class, HttpStatus.BAD_GATEWAY),
                Map.entry(TemporarilyUnavailableException.class, HttpStatus.SERVICE_UNAVAILABLE));
        expected.forEach((type, status) -> assertThat(DomainStatuses.of(type)).as(type.getSimpleName()).isEqualTo(status));
    }

    @Test
    void everyKindInTheSharedKernelHasAStatus() {
        java.util.List<Class<?>> kinds = new ClassFileImporter().importPackages("com.ambiosys.platform.errors").stream()
            .filter(c -> c.isAssignableTo(DomainException.class) && !c.getModifiers().contains(
                    com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT))
            .<Class<?>>map(JavaClass::reflect)
            .toList();
        assertThat(kinds).as("the kinds found").contains(com.ambiosys.platform.errors.NotFoundException.class);
        kinds.forEach(type -> assertThat(DomainStatuses.of(type.asSubclass(DomainException.class)))
                .as(type.getSimpleName()).isNotEqualTo(HttpStatus.INTERNAL_SERVER_ERROR));
    }

    @Test
    void aModulesOwnKindAnswersAsTheKindItExtends() {
        class PossibleDuplicate extends ConflictException {
            PossibleDuplicate() {
                super("possible-duplicate");
            }
        }
        assertThat(DomainStatuses.of(PossibleDuplicate.class)).isEqualTo(HttpStatus.CONFLICT);
    }
}
