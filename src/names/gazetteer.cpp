#include "nazir/names/gazetteer.h"
