// The Pets API: Models.swift, Client.swift and Server.swift are generated from openapi.yaml by the
// SpecGenPlugin build plugin (see specgen-config.yaml); this file only gives the target a source.
