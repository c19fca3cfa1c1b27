// The `lizheng classify` command line: train, evaluate and cross-validate the
// message classifier on a data file in the data-set layout.
#pragma once

#include <ostream>
#include <span>
#include <string>

namespace lizheng::insight {

// Runs `classify <subcommand> [flags]`; `args` are the words after
// "classify":
//   train --data FILE --model OUT     train on all rows, write the model
//   eval  --model M --data FILE       evaluate a model on labelled rows
//   cv    --data FILE [--folds 5]     stratified k-fold cross-validation
// Common flags: --dictionary PATH (jieba dict.txt; default the Debian path),
// --user-dictionary PATH (repeatable), --seed N, and for train/cv the model
// settings --c X, --char-ngrams MIN:MAX, --no-words, --word-bigrams,
// --title-repeat N, --head-chars N, --min-df N, --unbalanced, --nb-share X,
// --block-weights CHARS,WORDS,BIGRAMS,HEAD, --confidence-scale X,
// --threads N (defaults: ClassifierOptions).
// eval and cv print one JSON object (macro_f1, accuracy, per-class
// precision/recall/f1/support, messages, train_seconds, predict_seconds) to
// `out`; train prints a JSON summary. Errors go to `err`. Returns 0 on
// success, 1 on a failure, 2 on a usage error.
int RunClassifyCommand(std::span<const std::string> args, std::ostream& out, std::ostream& err);

}  // namespace lizheng::insight
