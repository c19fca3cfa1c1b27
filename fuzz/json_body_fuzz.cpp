// The API's JSON body decoder (api/src/json_body.*): strict JSON (UTF-8,
// duplicate keys, numbers out of range) and then every typed accessor the
// routes call, in the order DecodeSubmission and DecodeCommand call them,
// whether or not an earlier one failed. Every refusal must be a 400-class
// error naming a field; nothing may throw.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.hpp"
#include "json_body.hpp"

namespace {

using lizheng::api::JsonBody;
using lizheng::fuzz::CheckPeopleError;

template <class R>
void Check(const R& r) {
  if (!r.ok()) CheckPeopleError(r.error());
}

// The reads of POST /api/v1/requests (routes_citizen.cpp DecodeSubmission).
void WalkSubmission(JsonBody body) {
  Check(body.OptEnum<lizheng::RequestType>("type"));
  Check(body.RequiredString("title"));
  Check(body.RequiredString("detail"));
  Check(body.RequiredString("area_code"));
  Check(body.OptString("address"));
  Check(body.OptString("category_code"));
  auto citizen = body.OptObject("citizen");
  Check(citizen);
  if (citizen.ok() && *citizen) {
    JsonBody& c = **citizen;
    Check(c.OptString("name"));
    Check(c.OptString("phone"));
    Check(c.Finish());
  }
  Check(body.OptString("mailbox_code"));
  Check(body.OptBool("consent_public"));
  Check(body.OptEnum<lizheng::Channel>("channel"));
  Check(body.OptEnum<lizheng::Urgency>("urgency"));
  Check(body.OptString("idempotency_key"));
  Check(body.Finish());
}

// The reads of POST /api/v1/work-orders/{id}/actions/{action}
// (routes_work_orders.cpp DecodeCommand).
void WalkCommand(JsonBody body) {
  for (const char* key : {"reason", "legal_basis", "text", "comment", "note", "category_code"})
    Check(body.OptString(key));
  Check(body.OptInt("unit_id", 1, INT64_MAX));
  Check(body.OptIntArray("assisting_unit_ids", 20));
  Check(body.OptInt("working_days", -1000, 1000));
  Check(body.OptBool("approve"));
  Check(body.OptBool("resolved"));
  Check(body.OptEnum<lizheng::Satisfaction>("satisfaction"));
  Check(body.OptEnum<lizheng::RequestType>("type"));
  Check(body.OptEnum<lizheng::Urgency>("urgency"));
  Check(body.OptEnum<lizheng::ContactMethod>("method"));
  Check(body.OptInt("primary_id", 1, INT64_MAX));
  Check(body.Finish());
}

// The reads of the login and the citizen's evaluation.
void WalkSmall(JsonBody body) {
  Check(body.RequiredString("username"));
  Check(body.RequiredString("password"));
  Check(body.OptString("jurisdiction"));
  Check(body.OptString("query_code"));
  Check(body.OptEnum<lizheng::Satisfaction>("satisfaction"));
  Check(body.Finish());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (bool allow_empty : {false, true}) {
    auto body = JsonBody::Parse(text, allow_empty);
    if (!body.ok()) {
      CheckPeopleError(body.error());
      continue;
    }
    WalkSubmission(*body);
    WalkCommand(*body);
    WalkSmall(*body);
  }
  return 0;
}
