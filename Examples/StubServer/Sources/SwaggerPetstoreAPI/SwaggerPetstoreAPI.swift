// swaggerpetstore-openapi.yaml (swagger-api/swagger-petstore src/main/resources/openapi.yaml, with
// examples on most properties): Models.swift, Server.swift and Stubs.swift are generated from
// openapi.yaml by the SpecGenPlugin build plugin.
