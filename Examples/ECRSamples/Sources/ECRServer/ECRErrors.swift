import SpecGenRuntime

/// ECR's errors as the service names them; all of them answer 400 (ECR's `ServerException` is the 500).
enum ECRError {
    static func repositoryNotFound(_ name: String, registry: String) -> APIError {
        error(
            "RepositoryNotFoundException",
            "The repository with name '\(name)' does not exist in the registry with id '\(registry)'")
    }

    static func repositoryAlreadyExists(_ name: String, registry: String) -> APIError {
        error(
            "RepositoryAlreadyExistsException",
            "The repository with name '\(name)' already exists in the registry with id '\(registry)'")
    }

    static func repositoryNotEmpty(_ name: String, registry: String) -> APIError {
        error(
            "RepositoryNotEmptyException",
            "The repository with name '\(name)' in registry with id '\(registry)' cannot be deleted because it still contains images"
        )
    }

    static func imageAlreadyExists(digest: String, tag: String?, repository: String, registry: String) -> APIError {
        let tagged = tag.map { " and tag '\($0)'" } ?? ""
        return error(
            "ImageAlreadyExistsException",
            "Image with digest '\(digest)'\(tagged) already exists in the repository with name '\(repository)' in registry with id '\(registry)'"
        )
    }

    static func imageTagAlreadyExists(_ tag: String, repository: String) -> APIError {
        error(
            "ImageTagAlreadyExistsException",
            "The image tag '\(tag)' already exists in the '\(repository)' repository and cannot be overwritten because the tag is immutable."
        )
    }

    static func imageDigestDoesNotMatch(given: String, computed: String) -> APIError {
        error(
            "ImageDigestDoesNotMatchException",
            "The provided digest '\(given)' does not match the digest of the manifest '\(computed)'")
    }

    static func imageNotFound(digest: String?, tag: String?, repository: String, registry: String) -> APIError {
        error(
            "ImageNotFoundException",
            "The image with imageId {imageDigest:'\(digest ?? "null")', imageTag:'\(tag ?? "null")'} does not exist within the repository with name '\(repository)' in the registry with id '\(registry)'"
        )
    }

    static func invalidParameter(_ message: String) -> APIError {
        error("InvalidParameterException", message)
    }

    private static func error(_ name: String, _ message: String) -> APIError {
        APIError(status: 400, name: name, message: message)
    }
}
