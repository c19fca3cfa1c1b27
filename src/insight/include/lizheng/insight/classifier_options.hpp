// Settings of the message classifier: which features, which linear model.
#pragma once

#include <array>
#include <cstdint>

namespace lizheng::insight {

// The feature groups. Each group is TF-IDF weighted and L2-normalised on its
// own, then scaled by its weight, so the groups contribute comparably.
enum class FeatureBlock : std::uint8_t {
  kCharNgrams = 0,   // character n-grams of the normalised text
  kWords = 1,        // jieba words
  kWordBigrams = 2,  // pairs of consecutive words
  kHead = 3,         // character n-grams of the title, or of the detail's start
};
inline constexpr std::size_t kFeatureBlockCount = 4;

struct FeatureOptions {
  std::uint32_t char_min_n = 1;  // 0 disables character n-grams
  std::uint32_t char_max_n = 3;
  bool words = true;
  bool word_bigrams = false;
  std::uint32_t min_word_length = 1;  // shorter words are dropped (in characters)
  // How many times the title (留言主题) counts against the detail's once.
  std::uint32_t title_repeat = 2;
  // 1 + ln(tf) instead of tf.
  bool sublinear_tf = true;
  // Features seen in fewer training messages are dropped.
  std::uint32_t min_df = 2;
  // The kHead block: n-grams of the title, or when it is empty of the first
  // head_chars characters of the detail (where a merged title sits). 0
  // disables the block.
  std::uint32_t head_chars = 20;
  // Weight of each FeatureBlock after its own L2 normalisation.
  std::array<float, kFeatureBlockCount> block_weight = {1.0f, 0.7f, 1.0f, 0.5f};
};

// One-vs-rest linear SVMs (squared hinge, L2-regularised), optionally
// averaged with NB-SVMs (Wang & Manning 2012: the same SVM on features scaled
// by each class's naive-Bayes log-count ratio). The average is again one
// linear model, so prediction costs the same.
struct LinearOptions {
  double c = 0.5;                       // inverse regularisation strength
  bool balanced_class_weights = true;   // positives weighted n / (k * n_class)
  // Share of the NB-SVM in the average: 0 plain SVM, 1 NB-SVM only.
  double nb_svm_share = 0.5;
  double nb_alpha = 1.0;                // smoothing of the log-count ratios
  double epsilon = 0.1;                 // stopping tolerance of the solver
  double bias = 1.0;                    // value of the bias feature; <= 0 disables
  std::uint32_t threads = 2;            // classes trained in parallel
};

struct ClassifierOptions {
  FeatureOptions features;
  LinearOptions linear;
  // Confidence is softmax(confidence_scale * decision values).
  double confidence_scale = 5.0;
};

}  // namespace lizheng::insight
