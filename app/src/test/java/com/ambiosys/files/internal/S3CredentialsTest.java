package com.ambiosys.files.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import com.ambiosys.files.FileProperties;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Which credentials the S3 client signs with, from the configuration alone. */
class S3CredentialsTest {

    static FileProperties.S3 keys(String accessKey, String secretKey, String sessionToken) {
        return new FileProperties.S3("http://127.0.0.1:9000", "us-east-1", "ambiosys-files", accessKey, secretKey,
                sessionToken, true, "", Duration.ofSeconds(5), Duration.ofSeconds(60), DataSize.ofMegabytes(16),
                DataSize.ofMegabytes(8), DataSize.ofMegabytes(10));
    }

    @Test
    void withoutKeysTheDefaultChainFindsTheCredentials() {
        // the chain (environment, profile, web identity, container and instance roles) is asked only when signing
        assertThat(S3Storage.credentials(keys("", "", ""))).isInstanceOf(DefaultCredentialsProvider.class);
        assertThat(S3Storage.credentials(keys(null, null, null))).isInstanceOf(DefaultCredentialsProvider.class);
    }

    @Test
    void configuredKeysAreUsedAsTheyAre() {
        var provider = S3Storage.credentials(keys("AKIAEXAMPLE", "secreto", ""));

        assertThat(provider).isInstanceOf(StaticCredentialsProvider.class);
        assertThat(provider.resolveCredentials()).isInstanceOf(AwsBasicCredentials.class)
            .satisfies(c -> assertThat(c.accessKeyId()).isEqualTo("AKIAEXAMPLE"))
            .satisfies(c -> assertThat(c.secretAccessKey()).isEqualTo("secreto"));
    }

    @Test
    void temporaryKeysCarryTheirSessionToken() {
        var credentials = S3Storage.credentials(keys("ASIAEXAMPLE", "secreto", "token-de-sesion")).resolveCredentials();

        assertThat(credentials).isInstanceOfSatisfying(AwsSessionCredentials.class,
                c -> assertThat(c.sessionToken()).isEqualTo("token-de-sesion"));
    }

    @Test
    void anAccessKeyWithoutItsSecretIsAConfigurationError() {
        assertThatThrownBy(() -> S3Storage.credentials(keys("AKIAEXAMPLE", "", null)))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("AMBIOSYS_FILES_S3_SECRET_KEY");
        assertThatThrownBy(() -> S3Storage.credentials(keys(null, "secreto", null)))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("AMBIOSYS_FILES_S3_ACCESS_KEY");
    }
}
