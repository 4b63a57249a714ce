// The validation agreement spec (written for scripts/test-validation-agreement, issue 21): Models.swift,
// Server.swift and Stubs.swift are generated from openapi.yaml by the SpecGenPlugin build plugin.
