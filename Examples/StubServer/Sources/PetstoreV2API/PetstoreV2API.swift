// oai-v2-petstore-expanded.yaml (OAI/OpenAPI-Specification examples/v2.0/yaml/petstore-expanded.yaml,
// Swagger 2.0): Models.swift, Server.swift and Stubs.swift are generated from swagger.yaml by the
// SpecGenPlugin build plugin.
