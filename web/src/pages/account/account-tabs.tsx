import { TabsNav } from "../../components/tabs-nav.tsx";

/** The links between the account's pages. */
export function AccountTabs() {
  return (
    <TabsNav
      label="Account"
      tabs={[
        { href: "/account", label: "Profile and roles" },
        { href: "/account/tokens", label: "API tokens" },
      ]}
    />
  );
}
