// oai-petstore-expanded.json (OAI/OpenAPI-Specification examples/v3.0/petstore-expanded.json):
// Models.swift, Server.swift and Stubs.swift are generated from openapi.json by the SpecGenPlugin build plugin.
