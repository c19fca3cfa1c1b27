// Private: a strict command-line flag parser. Unknown flags and missing
// values are errors naming the flag.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "lizheng/core/result.hpp"

namespace lizheng::cli {

class Flags {
 public:
  // Parses "--name value" and "--name=value" pairs; `known` lists accepted
  // names (without dashes); `switches` are flags without a value.
  static Result<Flags> Parse(const std::vector<std::string>& args, const std::set<std::string>& known,
                             const std::set<std::string>& switches = {});

  // The last value of a flag given more than once.
  std::optional<std::string> Get(const std::string& name) const;
  // Every value of a repeatable flag, in the order given.
  std::vector<std::string> GetAll(const std::string& name) const;
  std::string GetOr(const std::string& name, const std::string& fallback) const;
  Result<long long> GetInt(const std::string& name, long long fallback, long long min, long long max) const;
  bool Has(const std::string& name) const { return values_.count(name) > 0; }

 private:
  std::map<std::string, std::string> values_;
  std::multimap<std::string, std::string> all_;
};

}  // namespace lizheng::cli
