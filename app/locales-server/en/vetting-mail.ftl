mail-vetting-code-subject = Your authentication code for { $organization }
mail-vetting-code-body = The certificate authority is verifying { $organization } for an organization-validated certificate. Your authentication code is { $code }. Enter it at { $link } within { $hours } hours. If a member of the validation team calls you, they may read the same code to you. If you did not expect this, do not enter the code and reply to this message.
mail-vetting-verified-subject = { $organization } is verified ({ $level })
mail-vetting-verified-body = The validation team verified { $organization } at the { $level } level. Its vetting backs new certificates until { $until }; it is checked again before then.
mail-vetting-rejected-subject = { $organization } could not be verified
mail-vetting-rejected-body = The validation team could not verify { $organization }: { $reason } Correct the organization's details or documents on its page and send it for validation again.
