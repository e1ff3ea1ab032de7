import { catalogFromFiles } from "./lib/catalog-from-files.js";
const r: any = (catalogFromFiles as any)();
console.log(Object.keys(r), r.errors?.length, r.signatures?.length);
const d = r.diagnoser.diagnoseAll("✕ [API Error: Model stream ended with an invalid chunk or missing finish reason.]");
console.log(d.map((x:any)=>x.id));
const d2 = r.diagnoser.diagnoseAll("✕ [API Error: Model stream ended with an invalid chunk or missing finish reason.]", {fuzzy:false, limit:5, minConfidence:0});
console.log(d2.map((x:any)=>x.id));
