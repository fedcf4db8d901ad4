"use client";

import Link from "next/link";
import { type FormEvent, startTransition, useActionState } from "react";
import type { CredentialsFormState } from "@/app/_actions/credentials-actions";
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/credential-limits";

interface Props {
  mode: "sign-in" | "sign-up";
  action: (state: CredentialsFormState, formData: FormData) => Promise<CredentialsFormState>;
  next: string;
  /** sign-up only: the deployment set SIGNUP_CODE */
  askEnrolmentCode?: boolean;
}

function FieldMessage({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      {message}
    </p>
  );
}

export function CredentialsForm({ mode, action, next, askEnrolmentCode = false }: Props) {
  const [state, formAction, pending] = useActionState(action, { errors: {}, values: {} });
  const { errors, values } = state;
  const signUp = mode === "sign-up";
  // Once hydrated, submit through a transition instead of the form action:
  // React resets a form after its action completes, which would wipe what the
  // student typed (password included) whenever the server answers with an
  // error. Before hydration the server-rendered action posts the form natively.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  };
  return (
    <form action={formAction} onSubmit={submit} className="form" noValidate aria-describedby={errors.form ? "form-error" : undefined}>
      <input type="hidden" name="next" value={next} />
      {errors.form && (
        <p id="form-error" role="alert" className="form-error">
          {errors.form}
        </p>
      )}
      {signUp && (
        <div className="field">
          <label htmlFor="name">Name</label>
          <input
            id="name"
            name="name"
            autoComplete="name"
            maxLength={NAME_MAX_LENGTH}
            defaultValue={values.name}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? "name-error" : undefined}
          />
          <FieldMessage id="name-error" message={errors.name} />
        </div>
      )}
      {signUp && askEnrolmentCode && (
        <div className="field">
          <label htmlFor="enrolmentCode">Enrolment code (from your instructor)</label>
          <input id="enrolmentCode" name="enrolmentCode" autoComplete="off" maxLength={200} />
        </div>
      )}
      <div className="field">
        <label htmlFor="email">Email</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          maxLength={EMAIL_MAX_LENGTH + 50}
          defaultValue={values.email}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? "email-error" : undefined}
        />
        <FieldMessage id="email-error" message={errors.email} />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete={signUp ? "new-password" : "current-password"}
          maxLength={PASSWORD_MAX_LENGTH + 1}
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? "password-error" : signUp ? "password-help" : undefined}
        />
        {signUp && !errors.password && (
          <p id="password-help" className="muted" style={{ margin: 0 }}>
            At least {PASSWORD_MIN_LENGTH} characters.
          </p>
        )}
        <FieldMessage id="password-error" message={errors.password} />
      </div>
      <button type="submit" disabled={pending}>
        {pending ? "Please wait…" : signUp ? "Create account" : "Sign in"}
      </button>
      <p className="muted">
        {signUp ? (
          <>
            Already have an account? <Link href={`/sign-in?next=${encodeURIComponent(next)}`}>Sign in</Link>
          </>
        ) : (
          <>
            New here? <Link href={`/sign-up?next=${encodeURIComponent(next)}`}>Create a student account</Link>
          </>
        )}
      </p>
    </form>
  );
}
