// Models.swift and Client.swift are generated from swagger.yaml by the SpecGenPlugin build plugin
// (see specgen-config.yaml); this file only gives the target a source.
