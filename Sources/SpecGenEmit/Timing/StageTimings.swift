import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `specgen generate` spends its time, stage by stage (`--timings`, scripts/bench-stages).
///
/// Each stage records wall time (monotonic clock) and the process's CPU time around the code that
/// does it; a stage entered more than once (one render per file) accumulates. On a machine shared
/// with other work, wall time mostly measures the wait for a core; CPU time does not. Recording
/// costs four clock reads per entry, so the generator always records and the CLI decides whether
/// to print.
package struct StageTimings: Sendable {
    /// The pipeline's stages, in the order they run.
    package enum Stage: String, CaseIterable, Sendable {
        /// Reading the file and building the YAML node tree (libyaml).
        case load
        /// The OpenAPI/Swagger reader and `$ref` resolver: nodes → IR.
        case read
        /// Naming, type mapping and operation plans (`GenerationPlan`).
        case plan
        /// Building the template contexts of models and operations.
        case contexts
        /// Rendering the contexts through the mustache templates.
        case render
        /// Writing (or comparing) the output files.
        case write
    }

    /// Seconds spent in one stage.
    package struct Spent: Sendable, Equatable {
        package var wall: Double = 0
        package var cpu: Double = 0
    }

    private var spent: [Stage: Spent] = [:]

    package init() {}

    /// Time spent in `stage` so far (zero when it never ran).
    package subscript(stage: Stage) -> Spent { spent[stage] ?? Spent() }

    /// The sum over every stage.
    package var total: Spent {
        spent.values.reduce(into: Spent()) {
            $0.wall += $1.wall
            $0.cpu += $1.cpu
        }
    }

    /// Runs `body`, adding its duration to `stage`.
    package mutating func measure<Result, Failure: Error>(
        _ stage: Stage, _ body: () throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let clock = ContinuousClock()
        let start = clock.now
        let cpuStart = Self.processCPUSeconds()
        defer {
            spent[stage, default: Spent()].wall += Self.seconds(clock.now - start)
            spent[stage, default: Spent()].cpu += Self.processCPUSeconds() - cpuStart
        }
        return try body()
    }

    /// One line per stage that ran, then the total, for standard error:
    /// `timings: render      wall 123.4 ms  cpu 120.1 ms  45.6 %` (the share is of the CPU total).
    package var report: String {
        let total = self.total
        var lines: [String] = []
        for stage in Stage.allCases {
            guard let value = spent[stage] else { continue }
            lines.append(Self.line(stage.rawValue, value, share: total.cpu > 0 ? value.cpu / total.cpu : 0))
        }
        lines.append(Self.line("total", total, share: 1))
        return lines.joined(separator: "\n")
    }

    private static func line(_ name: String, _ value: Spent, share: Double) -> String {
        func milliseconds(_ seconds: Double) -> String {
            let text = "\((seconds * 10_000).rounded() / 10) ms"
            return String(repeating: " ", count: max(0, 10 - text.count)) + text
        }
        let label = name.padding(toLength: 9, withPad: " ", startingAt: 0)
        let percent = (share * 1000).rounded() / 10
        return "timings: \(label) wall \(milliseconds(value.wall))  cpu \(milliseconds(value.cpu))  \(percent) %"
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (whole, attoseconds) = duration.components
        return Double(whole) + Double(attoseconds) / 1e18
    }

    /// User + system time of this process so far.
    private static func processCPUSeconds() -> Double {
        var now = timespec()
        guard clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now) == 0 else { return 0 }
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
