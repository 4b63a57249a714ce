// Models.swift and Client.swift are generated from openapi.yaml by the SpecGenPlugin build plugin
// (see specgen-config.yaml); this file only gives the target a source.
