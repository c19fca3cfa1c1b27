// The stored form of a work order and of event details: JSON documents with
// enums by wire name and instants as epoch seconds. Shared by every backend,
// so a document written by one reads back in another. Round trips are exact.
#pragma once

#include <string>
#include <string_view>

#include "lizheng/core/result.hpp"
#include "lizheng/core/work_order.hpp"
#include "lizheng/core/workflow.hpp"

namespace lizheng::store {

// The whole work order as one JSON document. kInvalidArgument (naming the
// field "text") if a string is not valid UTF-8.
Result<std::string> EncodeWorkOrder(const WorkOrder& wo);
// The inverse of EncodeWorkOrder. Missing members keep their defaults (older
// documents); a member of the wrong type or an unknown enum name is kInternal,
// because stored documents are written only by EncodeWorkOrder.
Result<WorkOrder> DecodeWorkOrder(std::string_view doc);

// Event details as a JSON array of [key, value] pairs, in order.
Result<std::string> EncodeEventData(const EventData& data);
Result<EventData> DecodeEventData(std::string_view doc);

}  // namespace lizheng::store
