import PetStore
import Vapor

// `swift run pets-server serve --hostname 127.0.0.1 --port 8080`: the Pets API on Vapor.
let app = try await Application.make(.detect())
do {
    try PetStore().register(on: app)
    try await app.execute()
} catch {
    app.logger.report(error: error)
    try? await app.asyncShutdown()
    throw error
}
try await app.asyncShutdown()
