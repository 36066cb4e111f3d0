package io.veroforge.api.v1alpha1;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON kept in a resource as base64 of its gzip: what grows with an app's model (the resolved
 * model, the migration SQL) stays a small fraction of etcd's 1.5 MiB object limit and one line
 * in {@code kubectl describe}. Read by hand with {@code base64 -d | gunzip}.
 */
public final class CompressedJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CompressedJson() {
    }

    public static String encode(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(bytes)) {
            JSON.writeValue(gzip, value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compress JSON", e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    public static JsonNode decode(String base64) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(base64)))) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("not base64 of gzip-compressed JSON", e);
        }
    }
}
