import Dispatch
import Foundation

extension Array {
    /// `map(transform)` on every core: the array cut into `pieces` runs of neighbours (by default
    /// four per core, each of at least `minimumPiece` elements), the runs transformed concurrently,
    /// the results in the array's order, so the same as `map`'s. On one core, or for a short array,
    /// it is `map`.
    ///
    /// Why: generation is pure functions of an immutable IR (naming, contexts, rendering), and the
    /// machine has more than one core; `transform` must only read shared state.
    func concurrentMap<Result>(pieces: Int? = nil, minimumPiece: Int = 1, _ transform: (Element) -> Result)
        -> [Result]
    {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let runs = Swift.min(pieces ?? 4 * cores, count / Swift.max(minimumPiece, 1))
        guard cores > 1, runs > 1 else { return map(transform) }
        return withoutActuallyEscaping(transform) { transform in
            let batch = ConcurrentMapBatch(self, runs: runs, transform: transform)
            DispatchQueue.concurrentPerform(iterations: runs) { batch.run($0) }
            return batch.results()
        }
    }
}

/// The input, function and result slots of one `concurrentMap`. Unchecked Sendable: the input and
/// the function are only read while it runs (the caller's promise: `transform` only reads), and
/// each run writes only its own slot.
private final class ConcurrentMapBatch<Element, Result>: @unchecked Sendable {
    private let elements: [Element]
    private let transform: (Element) -> Result
    private let bounds: [Range<Int>]
    private let slots: UnsafeMutableBufferPointer<[Result]>

    init(_ elements: [Element], runs: Int, transform: @escaping (Element) -> Result) {
        self.elements = elements
        self.transform = transform
        let size = (elements.count + runs - 1) / runs
        bounds = (0..<runs).map { Swift.min($0 * size, elements.count)..<Swift.min(($0 + 1) * size, elements.count) }
        slots = .allocate(capacity: runs)
        slots.initialize(repeating: [])
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func run(_ index: Int) {
        slots[index] = elements[bounds[index]].map(transform)
    }

    /// Every run's results, in order (once every `run` returned).
    func results() -> [Result] { Array(slots.joined()) }
}
