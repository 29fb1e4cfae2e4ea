/*
 * English words that do not double as Indonesian or Sundanese words (so no "air", "can", "bus",
 * "data", "info", "admin", "online", "no"). Used only to tell the language of a message; the
 * Sundanese and Indonesian markers are derived from the NusaX and IndoNLU sets
 * (language-markers.data.ts).
 */
export const ENGLISH_MARKERS: readonly string[] = [
  'the', 'and', 'is', 'are', 'was', 'were', 'been', 'being', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'from', 'with',
  'without', 'this', 'that', 'these', 'those', 'it', 'its', 'my', 'your', 'our', 'their', 'his', 'her', 'we', 'you', 'they',
  'he', 'she', 'me', 'us', 'them', 'mine', 'please', 'help', 'thanks', 'thank', 'good', 'bad', 'very', 'too', 'not', 'yes',
  'will', 'would', 'should', 'could', 'there', 'here', 'what', 'when', 'where', 'why', 'how', 'who', 'which', 'near',
  'inside', 'outside', 'still', 'now', 'today', 'tonight', 'tomorrow', 'yesterday', 'morning', 'night', 'road', 'street',
  'water', 'fire', 'flood', 'flooded', 'traffic', 'city', 'people', 'someone', 'somebody', 'house', 'home', 'car', 'cars',
  'stuck', 'trapped', 'deep', 'knee', 'waist', 'chest', 'broken', 'light', 'lights', 'power', 'garbage', 'trash', 'smells',
  'smell', 'terrible', 'amazing', 'love', 'lovely', 'beautiful', 'weather', 'food', 'nice', 'great', 'sad', 'angry',
  'just', 'really', 'again', 'about', 'because', 'but', 'if', 'then', 'than', 'have', 'has', 'had', 'does', 'did', 'get',
  'got', 'need', 'needs', 'send', 'fix', 'know', 'think', 'want', 'like', 'going', 'all', 'some', 'any', 'every', 'new',
  'old', 'big', 'small', 'many', 'much', 'more', 'most', 'hospital', 'school', 'police', 'neighbour', 'neighbor',
  'neighbours', 'firefighters', 'replacement', 'stolen', 'full', 'potholes', 'pothole', 'front', 'hello', 'welcome',
  'enjoy', 'visit', 'trip', 'holiday', 'after', 'before', 'since', 'week', 'weeks', 'days', 'hours', 'also', 'only',
  'anyone', 'everyone', 'nobody', 'nothing', 'something', 'everything', 'around', 'under', 'over', 'into', 'flooding',
  'accident', 'injured', 'missing', 'child', 'kids', 'landslide', 'earthquake', 'collapsed', 'electricity', 'blackout',
];
