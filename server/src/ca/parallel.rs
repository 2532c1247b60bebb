//! CPU-bound steps of a batch (checking CSR signatures, signing, verifying what the signer
//! returned) spread over the machine's cores, off the async workers.

use std::sync::Arc;

use super::CaError;

/// Applies `f` to every item on up to `available_parallelism` blocking threads and returns
/// the results in the items' order. One item runs on the caller's thread: no hand-off cost
/// for the common single request.
pub(super) async fn map<T, R, F>(items: Vec<T>, f: F) -> Result<Vec<R>, CaError>
where
    T: Send + 'static,
    R: Send + 'static,
    F: Fn(T) -> R + Send + Sync + 'static,
{
    if items.len() <= 1 {
        return Ok(items.into_iter().map(f).collect());
    }
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(items.len());
    let per_thread = items.len().div_ceil(threads);
    let f = Arc::new(f);
    let mut items = items.into_iter();
    let mut tasks = Vec::with_capacity(threads);
    loop {
        let chunk: Vec<T> = items.by_ref().take(per_thread).collect();
        if chunk.is_empty() {
            break;
        }
        let f = f.clone();
        tasks.push(tokio::task::spawn_blocking(move || {
            chunk.into_iter().map(|item| f(item)).collect::<Vec<R>>()
        }));
    }
    let mut out = Vec::new();
    for task in tasks {
        out.extend(task.await.map_err(|e| CaError::Build {
            name: "batch".into(),
            reason: format!("a worker thread failed: {e}"),
        })?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn results_keep_the_order_of_the_items() {
        let squares = map((0..1000u64).collect(), |n| n * n).await.unwrap();
        assert_eq!(squares, (0..1000u64).map(|n| n * n).collect::<Vec<_>>());
        assert!(map(Vec::<u8>::new(), |n| n).await.unwrap().is_empty());
    }
}
