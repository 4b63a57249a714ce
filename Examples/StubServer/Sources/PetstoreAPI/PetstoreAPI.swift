// oai-petstore.yaml (OAI/OpenAPI-Specification examples/v3.0/petstore.yaml): Models.swift,
// Server.swift and Stubs.swift are generated from openapi.yaml by the SpecGenPlugin build plugin.
