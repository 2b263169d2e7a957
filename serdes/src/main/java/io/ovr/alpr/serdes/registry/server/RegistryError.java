package io.ovr.alpr.serdes.registry.server;

/** An error answer of the registry with Confluent's HTTP status and error code. */
final class RegistryError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int status;
    final int code;

    private RegistryError(int status, int code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static RegistryError subjectNotFound(String subject) {
        return new RegistryError(404, 40401, "Subject '" + subject + "' not found.");
    }

    static RegistryError versionNotFound(String version) {
        return new RegistryError(404, 40402, "Version " + version + " not found.");
    }

    static RegistryError schemaNotFound(String what) {
        return new RegistryError(404, 40403, "Schema " + what + " not found");
    }

    static RegistryError subjectConfigNotFound(String subject) {
        return new RegistryError(404, 40408, "Subject '" + subject + "' does not have subject-level compatibility"
                + " configured");
    }

    static RegistryError notFound(String path) {
        return new RegistryError(404, 404, "HTTP 404 Not Found: " + path);
    }

    static RegistryError incompatible(String detail) {
        return new RegistryError(409, 409, "Schema being registered is incompatible with an earlier schema for"
                + " subject " + detail);
    }

    static RegistryError invalidSchema(String detail) {
        return new RegistryError(422, 42201, "Invalid schema: " + detail);
    }

    static RegistryError invalidVersion(String version) {
        return new RegistryError(422, 42202, "The specified version '" + version + "' is not a valid version id."
                + " Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    static RegistryError invalidCompatibility(String level) {
        return new RegistryError(422, 42203, "Invalid compatibility level. Valid values are none, backward,"
                + " forward, full, backward_transitive, forward_transitive, and full_transitive: " + level);
    }

    static RegistryError badRequest(String detail) {
        return new RegistryError(400, 400, detail);
    }

    static RegistryError methodNotAllowed(String method) {
        return new RegistryError(405, 405, "HTTP 405 Method Not Allowed: " + method);
    }
}
