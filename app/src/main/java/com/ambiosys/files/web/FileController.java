package com.ambiosys.files.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.ambiosys.files.FileManagement;
import com.ambiosys.files.OwnerType;
import com.ambiosys.files.StoredFile;
import com.ambiosys.platform.security.PublicEndpoint;
import com.ambiosys.platform.security.RequiresPermission;
import com.ambiosys.platform.web.ApiException;

@RestController
@Validated
class FileController {

    private final FileManagement files;

    FileController(FileManagement files) {
        this.files = files;
    }

    @PostMapping(path = "/api/v1/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RequiresPermission("files:create")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<StoredFile> upload(@RequestPart("file") MultipartFile file,
            @RequestParam OwnerType ownerType,
            @RequestParam(required = false) @Size(max = 100) String ownerId) throws IOException {
        if (file.isEmpty()) {
            throw ApiException.badRequest("file-empty");
        }
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "archivo"
                : file.getOriginalFilename().replaceAll("[\\\\/\\p{Cntrl}]", "_");
        try (InputStream in = file.getInputStream()) {
            StoredFile stored = files.store(ownerType, ownerId, name.length() > 200 ? name.substring(0, 200) : name, in);
            return ResponseEntity.created(URI.create("/api/v1/files/" + stored.id())).body(stored);
        }
    }

    @GetMapping("/api/v1/files")
    @RequiresPermission("files:view")
    List<StoredFile> ofOwner(@RequestParam OwnerType ownerType,
            @RequestParam @NotBlank @Size(max = 100) String ownerId) {
        return files.ofOwner(ownerType, ownerId);
    }

    @GetMapping("/api/v1/files/{id}")
    @RequiresPermission("files:view")
    StoredFile get(@PathVariable UUID id) {
        return files.get(id);
    }

    @PostMapping("/api/v1/files/{id}/link")
    @RequiresPermission("files:view")
    FileManagement.DownloadLink link(@PathVariable UUID id) {
        return files.link(id);
    }

    @DeleteMapping("/api/v1/files/{id}")
    @RequiresPermission("files:delete")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        files.delete(id);
    }

    /** The signed link is the authorization: no token needed, the link itself expires in minutes. */
    @GetMapping("/api/v1/files/download/{token}")
    @PublicEndpoint
    ResponseEntity<InputStreamResource> download(@PathVariable String token) {
        FileManagement.Download download = files.open(token)
            .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "invalid-download-link"));
        StoredFile file = download.file();
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(file.mediaType()))
            .contentLength(file.sizeBytes())
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(file.name(), StandardCharsets.UTF_8).build().toString())
            .header("X-Content-Type-Options", "nosniff")
            .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
            .body(new InputStreamResource(download.content()));
    }
}
