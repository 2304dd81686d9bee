// util/batch_queue.h — a bounded queue of batches from one producer thread to one consumer.
//
// Used where one stage of a pass can run beside the next (an import parses rows on one core
// while the bulk loader encodes them on another). Batches, not items, cross the queue, so the
// lock is taken once per batch. At most `capacity` batches wait: memory stays bounded however
// far the producer runs ahead.
//
// Protocol: the producer Push()es batches and calls Close() when done (also after an error);
// the consumer Pop()s until it returns false. A consumer that gives up calls Cancel(): the
// producer's next Push returns false and it should stop. Thread-safe for one producer and one
// consumer.
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <vector>

namespace pactgraph {

template <typename T>
class BatchQueue {
 public:
  explicit BatchQueue(size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}

  // Blocks while the queue is full. False when the consumer cancelled (the batch is dropped).
  bool Push(std::vector<T> batch) {
    std::unique_lock<std::mutex> lock(mu_);
    not_full_.wait(lock, [&] { return cancelled_ || queue_.size() < capacity_; });
    if (cancelled_) return false;
    queue_.push_back(std::move(batch));
    not_empty_.notify_one();
    return true;
  }

  // No more batches will come.
  void Close() {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    not_empty_.notify_one();
  }

  // Blocks until a batch is there (true) or the producer closed an empty queue (false).
  bool Pop(std::vector<T>* batch) {
    std::unique_lock<std::mutex> lock(mu_);
    not_empty_.wait(lock, [&] { return closed_ || !queue_.empty(); });
    if (queue_.empty()) return false;
    *batch = std::move(queue_.front());
    queue_.pop_front();
    not_full_.notify_one();
    return true;
  }

  // The consumer stops: waiting and later Pushes return false, queued batches are freed.
  void Cancel() {
    std::lock_guard<std::mutex> lock(mu_);
    cancelled_ = true;
    queue_.clear();
    not_full_.notify_one();
  }

 private:
  const size_t capacity_;
  std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  std::deque<std::vector<T>> queue_;
  bool closed_ = false;
  bool cancelled_ = false;
};

}  // namespace pactgraph
