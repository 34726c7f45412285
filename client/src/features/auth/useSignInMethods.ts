import { useEffect, useState } from "react";
import type { SignInMethods } from "../../../../shared/api/signInMethods.ts";
import { fetchSignInMethods } from "../../api/signInMethods.ts";

/** How one may sign in, once the server has said; null until then, or if it could not be asked (passwords still work). */
export function useSignInMethods(): SignInMethods | null {
  const [methods, setMethods] = useState<SignInMethods | null>(null);
  useEffect(() => {
    let live = true;
    fetchSignInMethods().then(
      (m) => live && setMethods(m),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return methods;
}
